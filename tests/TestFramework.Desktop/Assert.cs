using System;
using MSTest = Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// nanoFramework's Assert, overload for overload (typed AreEqual/AreNotEqual for the primitive types, string,
    /// DateTime and object, each with an optional message), carried out by MSTest's Assert so failures read the same.
    /// Only members that nanoFramework.TestFramework has belong here: test sources must compile for the device too.
    /// </summary>
    public sealed class Assert
    {
        private Assert()
        {
        }

        public static void AreEqual(bool expected, bool actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(byte expected, byte actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(char expected, char actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(DateTime expected, DateTime actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(double expected, double actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(float expected, float actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(int expected, int actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(long expected, long actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(object expected, object actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(sbyte expected, sbyte actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(short expected, short actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(string expected, string actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(uint expected, uint actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(ulong expected, ulong actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreEqual(ushort expected, ushort actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(bool notExpected, bool actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(byte notExpected, byte actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(char notExpected, char actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(DateTime notExpected, DateTime actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(double notExpected, double actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(float notExpected, float actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(int notExpected, int actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(long notExpected, long actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(object notExpected, object actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(sbyte notExpected, sbyte actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(short notExpected, short actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(string notExpected, string actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(uint notExpected, uint actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(ulong notExpected, ulong actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void AreNotEqual(ushort notExpected, ushort actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        public static void IsTrue(bool condition, string message = "")
        {
            MSTest.Assert.IsTrue(condition, message);
        }

        public static void IsFalse(bool condition, string message = "")
        {
            MSTest.Assert.IsFalse(condition, message);
        }

        public static void IsNull(object value, string message = "")
        {
            MSTest.Assert.IsNull(value, message);
        }

        public static void IsNotNull(object value, string message = "")
        {
            MSTest.Assert.IsNotNull(value, message);
        }

        public static void AreSame(object expected, object actual, string message = "")
        {
            MSTest.Assert.AreSame(expected, actual, message);
        }

        public static void AreNotSame(object notExpected, object actual, string message = "")
        {
            MSTest.Assert.AreNotSame(notExpected, actual, message);
        }

        public static void IsInstanceOfType(object value, Type expectedType, string message = "")
        {
            MSTest.Assert.IsInstanceOfType(value, expectedType, message);
        }

        /// <summary>Passes when the action throws exactly <paramref name="exceptionType"/>.</summary>
        public static void ThrowsException(Type exceptionType, Action action, string message = "")
        {
            try
            {
                action();
            }
            catch (Exception exception)
            {
                if (exception.GetType() != exceptionType)
                {
                    MSTest.Assert.Fail("Assert.ThrowsException: expected " + exceptionType.Name + ", got " + exception.GetType().Name + ": " + exception.Message + ". " + message);
                }

                return;
            }

            MSTest.Assert.Fail("Assert.ThrowsException: expected " + exceptionType.Name + ", nothing was thrown. " + message);
        }

        private static string Show(object value)
        {
            return value == null ? "(null)" : value.ToString();
        }

        private static void Fail(string assertion, string details)
        {
            throw new MSTest.AssertFailedException(assertion + " failed. " + details);
        }

        /// <summary>Marks the test as skipped (MSTest: inconclusive).</summary>
        public static void SkipTest(string message = "")
        {
            MSTest.Assert.Inconclusive(message);
        }
    }
}
