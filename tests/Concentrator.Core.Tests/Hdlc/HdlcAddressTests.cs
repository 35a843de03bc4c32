using Concentrator.Core.Hdlc;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Hdlc
{
    [TestClass]
    public class HdlcAddressTests
    {
        private static string Written(HdlcAddress address)
        {
            byte[] buffer = new byte[4];
            int size = address.WriteTo(buffer, 0);
            return HexBytes.Format(buffer, 0, size);
        }

        [TestMethod]
        public void Logical_1_physical_17_is_02_23()
        {
            // ../shared/PROTOCOLS.md
            Assert.AreEqual("02 23", Written(HdlcAddress.Server(1, 17)));
        }

        [TestMethod]
        public void Clients_are_one_byte()
        {
            Assert.AreEqual("21", Written(HdlcAddress.Client(HdlcAddress.PublicClient)));
            Assert.AreEqual("41", Written(HdlcAddress.Client(HdlcAddress.PasswordClient)));
        }

        [TestMethod]
        public void Zmd405_physical_address_is_the_last_four_serial_digits_plus_1000()
        {
            HdlcAddress address;
            Assert.IsTrue(HdlcAddress.TryFromLandisGyrSerial("12345678", out address));
            Assert.AreEqual(1, (int)address.Upper);
            Assert.AreEqual(6678, (int)address.Lower);
            Assert.AreEqual("00 02 68 2D", Written(address));
            Assert.AreEqual("1/6678", address.ToString());
            Assert.IsTrue(HdlcAddress.TryFromLandisGyrSerial("11620371", out address));
            Assert.AreEqual(1371, (int)address.Lower);
            Assert.IsTrue(HdlcAddress.TryFromLandisGyrSerial("0000", out address));
            Assert.AreEqual(1000, (int)address.Lower);
            Assert.IsFalse(HdlcAddress.TryFromLandisGyrSerial("123", out address));
            Assert.IsFalse(HdlcAddress.TryFromLandisGyrSerial("12A45", out address));
        }

        [TestMethod]
        public void Inventory_addresses_parse()
        {
            HdlcAddress address;
            Assert.IsTrue(HdlcAddress.TryParse("1/6678", out address));
            Assert.AreEqual("00 02 68 2D", Written(address));
            Assert.IsTrue(HdlcAddress.TryParse("1/17", out address));
            Assert.AreEqual("02 23", Written(address));
            Assert.IsTrue(HdlcAddress.TryParse("1", out address));
            Assert.AreEqual("03", Written(address));
            Assert.IsFalse(HdlcAddress.TryParse("", out address));
            Assert.IsFalse(HdlcAddress.TryParse("1/", out address));
            Assert.IsFalse(HdlcAddress.TryParse("1/16384", out address));
            Assert.IsFalse(HdlcAddress.TryParse("128", out address));
            Assert.IsFalse(HdlcAddress.TryParse("a/1", out address));
        }

        [TestMethod]
        public void Large_parts_take_the_four_byte_form()
        {
            HdlcAddress address = HdlcAddress.Server(1, 200);
            Assert.AreEqual(4, (int)address.Size);
            byte[] buffer = new byte[4];
            address.WriteTo(buffer, 0);
            HdlcAddress read;
            Assert.AreEqual(4, HdlcAddress.TryRead(buffer, 0, 4, out read));
            Assert.IsTrue(read.Equals(address));
        }

        [TestMethod]
        public void Three_byte_or_unterminated_addresses_are_refused()
        {
            HdlcAddress read;
            Assert.AreEqual(0, HdlcAddress.TryRead(HexBytes.Parse("00 02 23"), 0, 3, out read));
            Assert.AreEqual(0, HdlcAddress.TryRead(HexBytes.Parse("00 02 22 22 21"), 0, 5, out read));
            Assert.AreEqual(0, HdlcAddress.TryRead(HexBytes.Parse("02"), 0, 1, out read));
        }

        [TestMethod]
        public void Parts_out_of_range_are_refused()
        {
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => new HdlcAddress(128, 0, 1));
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => new HdlcAddress(1, 0x4000, 4));
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => new HdlcAddress(1, 1, 3));
        }

        [TestMethod]
        public void Control_fields_are_recognised()
        {
            Assert.AreEqual((int)HdlcFrameType.SetNormalResponseMode, (int)HdlcControl.TypeOf(0x93));
            Assert.AreEqual((int)HdlcFrameType.UnnumberedAcknowledge, (int)HdlcControl.TypeOf(0x73));
            Assert.AreEqual((int)HdlcFrameType.Disconnect, (int)HdlcControl.TypeOf(0x53));
            Assert.AreEqual((int)HdlcFrameType.DisconnectedMode, (int)HdlcControl.TypeOf(0x1F));
            Assert.AreEqual((int)HdlcFrameType.FrameReject, (int)HdlcControl.TypeOf(0x97));
            Assert.AreEqual((int)HdlcFrameType.UnnumberedInformation, (int)HdlcControl.TypeOf(0x13));
            Assert.AreEqual((int)HdlcFrameType.ReceiveReady, (int)HdlcControl.TypeOf(0x51));
            Assert.AreEqual((int)HdlcFrameType.ReceiveNotReady, (int)HdlcControl.TypeOf(0x55));
            Assert.AreEqual((int)HdlcFrameType.Information, (int)HdlcControl.TypeOf(0x32));
            Assert.AreEqual(0x51, (int)HdlcControl.ReceiveReady(2, true));
            Assert.AreEqual(0x10, (int)HdlcControl.Information(0, 0, true));
            Assert.AreEqual(0x32, (int)HdlcControl.Information(1, 1, true));
            Assert.AreEqual(7, HdlcControl.SendSequence(HdlcControl.Information(7, 2, false)));
            Assert.AreEqual(2, HdlcControl.ReceiveSequence(HdlcControl.Information(7, 2, false)));
        }
    }
}
