using Concentrator.Core.Commands;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Commands
{
    [TestClass]
    public class ParameterListTests
    {
        [TestMethod]
        public void Words_brackets_and_the_manuals_trailing_semicolons()
        {
            ParameterList list = new ParameterList(8);
            Assert.IsTrue(list.Parse("MCP CNF PWD=HELLO APN=internet; DUSR=[a b];  IP=10.0.25.30; RINT=2;", 8));

            Assert.AreEqual(5, list.Count);
            Assert.AreEqual("PWD", list.Name(0));
            Assert.AreEqual("HELLO", list.Value(0));
            Assert.AreEqual("APN", list.Name(1));
            Assert.AreEqual("internet", list.Value(1));
            Assert.AreEqual("a b", list.Value(2));
            Assert.AreEqual("10.0.25.30", list.Value(3));
            Assert.AreEqual("2", list.Value(4));
            Assert.AreEqual((int)ParameterError.None, (int)list.Error);
        }

        [TestMethod]
        public void Bracketed_values_keep_their_spaces_and_lose_the_brackets()
        {
            ParameterList list = new ParameterList(8);
            Assert.IsTrue(list.Parse("DUSR=[a b]; DPWD=(c ] d) IP=; X=", 0));

            Assert.AreEqual(4, list.Count);
            Assert.AreEqual("a b", list.Find("DUSR"));
            Assert.AreEqual("c ] d", list.Find("DPWD"));
            Assert.AreEqual("", list.Find("IP"));
            Assert.AreEqual("", list.Find("X"));
            Assert.IsNull(list.Find("dusr"));
        }

        [TestMethod]
        [DataRow("APN=[a b", 3, "APN")]
        [DataRow("APN=[a b]c", 3, "APN")]
        [DataRow("APN", 2, "APN")]
        [DataRow("=x", 2, "=x")]
        [DataRow("A=1 B=2 C=3", 1, "C")]
        public void Malformed_words_are_reported_with_the_word(string text, int error, string word)
        {
            ParameterList list = new ParameterList(2);
            Assert.IsFalse(list.Parse(text, 0));
            Assert.AreEqual(error, (int)list.Error);
            Assert.AreEqual(word, list.ErrorWord);
        }

        [TestMethod]
        [DataRow("plain")]
        [DataRow("with space")]
        [DataRow("ends;")]
        [DataRow("[starts")]
        [DataRow("(starts")]
        [DataRow("has ] and space")]
        [DataRow("")]
        public void Quoted_values_read_back_unchanged(string value)
        {
            ParameterList list = new ParameterList(2);
            Assert.IsTrue(ParameterList.CanQuote(value));
            Assert.IsTrue(list.Parse("V=" + ParameterList.Quote(value) + " W=1", 0));
            Assert.AreEqual(value, list.Find("V"));
            Assert.AreEqual("1", list.Find("W"));
        }

        [TestMethod]
        public void Value_with_spaces_and_both_closing_brackets_cannot_be_written()
        {
            Assert.IsFalse(ParameterList.CanQuote("a ] b )"));
        }

        [TestMethod]
        public void Duplicates_are_found()
        {
            ParameterList list = new ParameterList(4);
            Assert.IsTrue(list.Parse("A=1 B=2 A=3", 0));
            Assert.IsTrue(list.HasDuplicate());
        }
    }
}
