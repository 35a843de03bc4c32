using System;
using MSTest = Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework
{
    /// <summary>nanoFramework's [TestClass], seen by MSTest as its own.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class TestClassAttribute : MSTest.TestClassAttribute
    {
    }
}
