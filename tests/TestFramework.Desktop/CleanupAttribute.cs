using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Runs once after the tests of its class (here: when the test process ends).</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class CleanupAttribute : Attribute
    {
    }
}
