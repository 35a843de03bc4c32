using System;
using MSTest = Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework
{
    /// <summary>nanoFramework's [DataRow(params object[])]: one run of a test method with these arguments.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
    public sealed class DataRowAttribute : MSTest.DataRowAttribute
    {
        public DataRowAttribute(params object[] methodParameters)
            : base(methodParameters)
        {
        }
    }
}
