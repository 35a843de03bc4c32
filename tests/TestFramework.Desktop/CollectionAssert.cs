using System.Collections;
using MSTest = Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework
{
    /// <summary>nanoFramework's CollectionAssert, carried out by MSTest's.</summary>
    public sealed class CollectionAssert
    {
        private CollectionAssert()
        {
        }

        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            MSTest.CollectionAssert.AreEqual(expected, actual, message);
        }

        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            MSTest.CollectionAssert.AreNotEqual(notExpected, actual, message);
        }

        public static void Empty(ICollection collection, string message = "")
        {
            MSTest.Assert.AreEqual(0, collection.Count, message);
        }

        public static void NotEmpty(ICollection collection, string message = "")
        {
            MSTest.Assert.AreNotEqual(0, collection.Count, message);
        }
    }
}
