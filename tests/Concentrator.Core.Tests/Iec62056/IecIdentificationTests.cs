using Concentrator.Core.Iec62056;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Iec62056
{
    [TestClass]
    public class IecIdentificationTests
    {
        private static IecIdentification Parse(string line)
        {
            IecIdentification id = new IecIdentification();
            byte[] bytes = Ascii.Bytes(line);
            id.TryParse(bytes, 0, bytes.Length);
            return id;
        }

        [TestMethod]
        public void Landis_Gyr_mode_E_identification_from_the_protocol_notes()
        {
            // PROTOCOLS.md: "/LGZ5\2ZMD3104407.B32".
            IecIdentification id = Parse("LGZ5\\2ZMD3104407.B32");
            Assert.AreEqual((int)IecIdentificationProblem.None, (int)id.Problem);
            Assert.IsTrue(id.IsManufacturer("LGZ"));
            Assert.IsFalse(id.FastReaction);
            Assert.AreEqual((int)IecProtocolMode.E, (int)id.Mode);
            Assert.AreEqual(9600, id.MaximumBaud);
            Assert.IsTrue(id.SupportsModeE);
            Assert.AreEqual(1, id.CapabilityCount);
            Assert.AreEqual("ZMD3104407.B32", Ascii.Text(id.Text, 0, id.TextLength));
        }

        [TestMethod]
        [DataRow("ISk5MT174-0001", 2, 9600, true)]
        [DataRow("ABC6XYZ", 2, 19200, false)]
        [DataRow("ABC0XYZ", 2, 300, false)]
        [DataRow("ELSE1234", 1, 9600, false)]
        [DataRow("ELSA1234", 1, 600, false)]
        [DataRow("ABC ident", 0, 300, false)]
        [DataRow("ABCZident", 0, 300, false)]
        public void Baud_character_gives_mode_and_maximum(string line, int mode, int baud, bool fast)
        {
            IecIdentification id = Parse(line);
            Assert.AreEqual((int)IecIdentificationProblem.None, (int)id.Problem);
            Assert.AreEqual(mode, (int)id.Mode);
            Assert.AreEqual(baud, id.MaximumBaud);
            Assert.AreEqual(fast, id.FastReaction);
        }

        [TestMethod]
        public void Failed_checks_are_named()
        {
            Assert.AreEqual((int)IecIdentificationProblem.TooShort, (int)Parse("LGZ").Problem);
            Assert.AreEqual((int)IecIdentificationProblem.BadManufacturer, (int)Parse("L1Z5abc").Problem);
            Assert.AreEqual((int)IecIdentificationProblem.DanglingEscape, (int)Parse("LGZ5abc\\").Problem);
            Assert.AreEqual((int)IecIdentificationProblem.BadCharacter, (int)Parse("LGZ5a\u00C1c").Problem);
        }

        [TestMethod]
        public void Baud_ladder_and_characters()
        {
            Assert.AreEqual((byte)'5', IecBaudRates.ModeCCharacter(9600));
            Assert.AreEqual((byte)'0', IecBaudRates.ModeCCharacter(300));
            Assert.AreEqual((byte)0, IecBaudRates.ModeCCharacter(115200));
            Assert.AreEqual(2400, IecBaudRates.HighestAtMost(3000));
            Assert.AreEqual(19200, IecBaudRates.HighestAtMost(115200));
            Assert.AreEqual(300, IecBaudRates.HighestAtMost(100));
            Assert.AreEqual(4800, IecBaudRates.StepDown(9600));
            Assert.AreEqual(300, IecBaudRates.StepDown(600));
            Assert.AreEqual(0, IecBaudRates.StepDown(300));
        }
    }
}
