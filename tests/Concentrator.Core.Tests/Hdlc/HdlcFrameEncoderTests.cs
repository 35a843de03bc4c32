using Concentrator.Core.Hdlc;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Hdlc
{
    [TestClass]
    public class HdlcFrameEncoderTests
    {
        private static string Encode(HdlcAddress destination, HdlcAddress source, byte control, bool segmented, byte[] information)
        {
            byte[] buffer = new byte[2100];
            int length = HdlcFrameEncoder.Encode(buffer, 0, destination, source, control, segmented, information, 0, information == null ? 0 : information.Length);
            Assert.AreEqual(HdlcFrameEncoder.WireLength(destination, source, information == null ? 0 : information.Length), length);
            return HexBytes.Format(buffer, 0, length);
        }

        [TestMethod]
        public void Seed_snrm_is_encoded_byte_for_byte()
        {
            string frame = Encode(new HdlcAddress(1, 0, 1), HdlcAddress.Client(HdlcAddress.PublicClient), HdlcControl.Unnumbered(HdlcControl.Snrm), false, null);
            Assert.AreEqual(HdlcVectors.SeedSnrm, frame);
        }

        [TestMethod]
        public void Nartis_snrm_with_a_two_byte_server_address_is_encoded_byte_for_byte()
        {
            string frame = Encode(HdlcAddress.Server(1, 16), HdlcAddress.Client(HdlcAddress.PasswordClient), 0x93, false, null);
            Assert.AreEqual(HexBytes.Format(HexBytes.Parse(HdlcVectors.NartisSnrm), 0, 10), frame);
        }

        [TestMethod]
        public void Kamstrup_ua_with_its_parameter_block_is_encoded_byte_for_byte()
        {
            byte[] block = new byte[32];
            int length = new HdlcLinkParameters(1010, 1010, 1, 1).WriteTo(block, 0);
            byte[] information = new byte[length];
            System.Array.Copy(block, information, length);
            string frame = Encode(HdlcAddress.Client(18), HdlcAddress.Server(16, 16), 0x73, false, information);
            byte[] expected = HexBytes.Parse(HdlcVectors.KamstrupUa);
            Assert.AreEqual(HexBytes.Format(expected, 0, expected.Length), frame);
        }

        [TestMethod]
        public void Four_byte_snrm_is_encoded_byte_for_byte()
        {
            string frame = Encode(new HdlcAddress(1, 0x3FFF, 4), HdlcAddress.Client(4), 0x93, false, null);
            byte[] expected = HexBytes.Parse(HdlcVectors.FourByteSnrm);
            Assert.AreEqual(HexBytes.Format(expected, 0, expected.Length), frame);
        }

        [TestMethod]
        public void Segmented_frames_with_information_round_trip()
        {
            byte[] information = new byte[300];
            for (int i = 0; i < information.Length; i++)
            {
                information[i] = (byte)(i * 7);
            }

            byte[] buffer = new byte[400];
            HdlcAddress server = new HdlcAddress(1, 6678, 4);
            int length = HdlcFrameEncoder.Encode(buffer, 3, server, HdlcAddress.Client(0x20), HdlcControl.Information(5, 3, false), true, information, 0, information.Length);
            HdlcFrameDecoder decoder = new HdlcFrameDecoder(512);
            int consumed;
            Assert.AreEqual((int)HdlcDecodeStatus.FrameReady, (int)decoder.Feed(buffer, 3, length, out consumed));
            HdlcFrame frame = decoder.Frame;
            Assert.IsTrue(frame.Segmented);
            Assert.IsTrue(frame.Destination.Equals(server));
            Assert.AreEqual(5, frame.SendSequence);
            Assert.AreEqual(3, frame.ReceiveSequence);
            Assert.IsFalse(frame.PollFinal);
            Assert.AreEqual(300, frame.InformationLength);
            for (int i = 0; i < information.Length; i++)
            {
                Assert.AreEqual(information[i], frame.Buffer[frame.InformationOffset + i]);
            }
        }

        [TestMethod]
        public void Too_long_or_too_small_is_a_caller_error()
        {
            byte[] information = new byte[2100];
            byte[] buffer = new byte[2200];
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => HdlcFrameEncoder.Encode(buffer, 0, HdlcAddress.Server(1, 1), HdlcAddress.Client(16), 0x10, false, information, 0, 2040));
            Assert.ThrowsException(typeof(System.ArgumentException), () => HdlcFrameEncoder.Encode(new byte[8], 0, HdlcAddress.Server(1, 1), HdlcAddress.Client(16), 0x93, false, null, 0, 0));
        }
    }
}
