using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Runs once before the first test of its class (as on the device).</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class SetupAttribute : Attribute
    {
    }
}
