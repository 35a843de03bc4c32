using System;
using System.Linq;
using System.Reflection;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoTestClass = nanoFramework.TestFramework.TestClassAttribute;
using NanoTestMethod = nanoFramework.TestFramework.TestMethodAttribute;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly
{
    /// <summary>
    /// The device runner never instantiates a test class (it invokes methods with no instance), so shared test
    /// classes must hold no instance state; and every shared test must be visible to both runners.
    /// </summary>
    [TestClass]
    public class TestClassRulesTests
    {
        private static Type[] SharedTestClasses()
        {
            return typeof(Concentrator.Core.Tests.TestSupport.Ascii).Assembly.GetTypes()
                .Where(t => t.GetCustomAttribute<NanoTestClass>() != null)
                .ToArray();
        }

        [TestMethod]
        public void Shared_test_classes_exist()
        {
            Assert.IsTrue(SharedTestClasses().Length >= 8, "found " + SharedTestClasses().Length);
        }

        [TestMethod]
        public void Shared_test_classes_hold_no_instance_state()
        {
            foreach (Type type in SharedTestClasses())
            {
                FieldInfo[] fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
                Assert.AreEqual(0, fields.Length, type.Name + " has instance fields: " + string.Join(", ", fields.Select(f => f.Name)));
            }
        }

        [TestMethod]
        public void Shared_test_methods_are_public_void_and_use_the_nano_attributes()
        {
            foreach (Type type in SharedTestClasses())
            {
                Assert.IsTrue(type.IsPublic, type.Name + " must be public");
                foreach (MethodInfo method in type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    bool nano = method.GetCustomAttribute<NanoTestMethod>() != null;
                    bool msTest = method.GetCustomAttributes().Any(a => a.GetType() == typeof(Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute));
                    Assert.IsFalse(msTest, type.Name + "." + method.Name + " uses MSTest's attribute; shared tests use nanoFramework.TestFramework's");
                    if (nano)
                    {
                        Assert.IsTrue(method.IsPublic && method.ReturnType == typeof(void), type.Name + "." + method.Name + " must be public void");
                    }
                }
            }
        }
    }
}
