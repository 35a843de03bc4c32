using Concentrator.Core.Checksums;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Checksums
{
    /// <summary>Published check values ("123456789") of each CRC-16 variant, from the CRC catalogue's parameter sets.</summary>
    [TestClass]
    public class Crc16Tests
    {
        [TestMethod]
        public void Arc_matches_its_check_value()
        {
            byte[] data = Ascii.Bytes("123456789");
            Assert.AreEqual((ushort)0xBB3D, Crc16.Arc(data, 0, data.Length));
        }

        [TestMethod]
        public void X25_matches_its_check_value()
        {
            byte[] data = Ascii.Bytes("123456789");
            Assert.AreEqual((ushort)0x906E, Crc16.X25(data, 0, data.Length));
        }

        [TestMethod]
        public void Kermit_matches_its_check_value()
        {
            byte[] data = Ascii.Bytes("123456789");
            Assert.AreEqual((ushort)0x2189, Crc16.Kermit(data, 0, data.Length));
        }

        [TestMethod]
        public void Byte_at_a_time_update_equals_the_block_computation()
        {
            byte[] data = Ascii.Bytes("/XMX5LGBBFG1009325446\r\n!");
            ushort arc = Crc16.ArcInitial;
            ushort ccitt = Crc16.X25Initial;
            for (int i = 0; i < data.Length; i++)
            {
                arc = Crc16.UpdateArc(arc, data[i]);
                ccitt = Crc16.UpdateCcitt(ccitt, data[i]);
            }

            Assert.AreEqual(Crc16.Arc(data, 0, data.Length), arc);
            Assert.AreEqual(Crc16.X25(data, 0, data.Length), Crc16.FinishX25(ccitt));
        }

        [TestMethod]
        public void Offset_and_count_select_the_bytes()
        {
            byte[] data = Ascii.Bytes("xx123456789yy");
            Assert.AreEqual((ushort)0xBB3D, Crc16.Arc(data, 2, 9));
        }
    }
}
