using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using MSTest = Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// nanoFramework's [TestMethod]. Like the device runner, it runs the class's [Setup] methods once before the
    /// first test of the class and its [Cleanup] methods once when the process ends.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class TestMethodAttribute : MSTest.TestMethodAttribute
    {
        private static readonly HashSet<Type> SetUpClasses = new HashSet<Type>();

        public TestMethodAttribute([CallerFilePath] string callerFilePath = "", [CallerLineNumber] int callerLineNumber = -1)
            : base(callerFilePath, callerLineNumber)
        {
        }

        public override Task<MSTest.TestResult[]> ExecuteAsync(MSTest.ITestMethod testMethod)
        {
            Type testClass = testMethod.MethodInfo.DeclaringType;
            bool first;
            lock (SetUpClasses)
            {
                first = SetUpClasses.Add(testClass);
            }

            if (first)
            {
                MSTest.TestResult[] failure = RunMarked(testClass, typeof(SetupAttribute));
                if (failure != null)
                {
                    return Task.FromResult(failure);
                }

                AppDomain.CurrentDomain.ProcessExit += (sender, args) => RunMarked(testClass, typeof(CleanupAttribute));
            }

            return base.ExecuteAsync(testMethod);
        }

        // The device runner calls these with no instance, as it does test methods.
        private static MSTest.TestResult[] RunMarked(Type testClass, Type marker)
        {
            foreach (MethodInfo method in testClass.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static))
            {
                if (method.GetCustomAttribute(marker) == null)
                {
                    continue;
                }

                try
                {
                    object target = method.IsStatic ? null : Activator.CreateInstance(testClass);
                    method.Invoke(target, null);
                }
                catch (TargetInvocationException exception)
                {
                    return new[]
                    {
                        new MSTest.TestResult
                        {
                            Outcome = MSTest.UnitTestOutcome.Failed,
                            TestFailureException = exception.InnerException,
                        },
                    };
                }
            }

            return null;
        }
    }
}
