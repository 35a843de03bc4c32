using Concentrator.Core.Hdlc;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Hdlc
{
    [TestClass]
    public class HdlcFrameDecoderTests
    {
        private static HdlcFrameDecoder NewDecoder()
        {
            return new HdlcFrameDecoder(2047);
        }

        // Feeds everything in pieces of the given size; returns the statuses reported, as letters (F = frame ready,
        // G = garbage, M = bad format, L = too long, A = bad address, H = bad HCS, C = bad FCS, X = missing flag, T = truncated).
        private static string Run(HdlcFrameDecoder decoder, byte[] data, int piece, bool finish)
        {
            string result = string.Empty;
            int offset = 0;
            while (offset < data.Length)
            {
                int count = data.Length - offset < piece ? data.Length - offset : piece;
                int consumed;
                HdlcDecodeStatus status = decoder.Feed(data, offset, count, out consumed);
                offset += consumed;
                result += Letter(status);
            }

            if (finish)
            {
                HdlcDecodeStatus status;
                while ((status = decoder.Finish()) != HdlcDecodeStatus.NeedMoreData)
                {
                    result += Letter(status);
                }
            }

            return result;
        }

        private static string Letter(HdlcDecodeStatus status)
        {
            switch (status)
            {
                case HdlcDecodeStatus.FrameReady:
                    return "F";
                case HdlcDecodeStatus.GarbageSkipped:
                    return "G";
                case HdlcDecodeStatus.BadFormat:
                    return "M";
                case HdlcDecodeStatus.TooLong:
                    return "L";
                case HdlcDecodeStatus.BadAddress:
                    return "A";
                case HdlcDecodeStatus.BadHcs:
                    return "H";
                case HdlcDecodeStatus.BadFcs:
                    return "C";
                case HdlcDecodeStatus.MissingClosingFlag:
                    return "X";
                case HdlcDecodeStatus.Truncated:
                    return "T";
                default:
                    return string.Empty;
            }
        }

        private static HdlcFrame DecodeOne(string hex)
        {
            HdlcFrameDecoder decoder = NewDecoder();
            byte[] data = HexBytes.Parse(hex);
            Assert.AreEqual("F", Run(decoder, data, data.Length, false));
            return decoder.Frame;
        }

        [TestMethod]
        public void Seed_snrm_decodes()
        {
            HdlcFrame frame = DecodeOne(HdlcVectors.SeedSnrm);
            Assert.AreEqual((int)HdlcFrameType.SetNormalResponseMode, (int)frame.Type);
            Assert.IsTrue(frame.PollFinal);
            Assert.AreEqual(1, (int)frame.Destination.Size);
            Assert.AreEqual(1, (int)frame.Destination.Upper);
            Assert.AreEqual(HdlcAddress.PublicClient, (int)frame.Source.Upper);
            Assert.AreEqual(0, frame.InformationLength);
            Assert.IsFalse(frame.Segmented);
            Assert.AreEqual(9, frame.WireLength);
        }

        [TestMethod]
        public void Kamstrup_ua_decodes_with_its_parameters()
        {
            HdlcFrame frame = DecodeOne(HdlcVectors.KamstrupUa);
            Assert.AreEqual((int)HdlcFrameType.UnnumberedAcknowledge, (int)frame.Type);
            Assert.AreEqual(18, (int)frame.Destination.Upper);
            Assert.AreEqual(2, (int)frame.Source.Size);
            Assert.AreEqual(16, (int)frame.Source.Upper);
            Assert.AreEqual(16, (int)frame.Source.Lower);
            Assert.AreEqual(23, frame.InformationLength);
            HdlcLinkParameters parameters;
            Assert.IsTrue(HdlcLinkParameters.TryRead(frame.Buffer, frame.InformationOffset, frame.InformationLength, out parameters));
            Assert.AreEqual(1010, parameters.MaxInformationTransmit);
            Assert.AreEqual(1010, parameters.MaxInformationReceive);
            Assert.AreEqual(1, parameters.WindowTransmit);
            Assert.AreEqual(1, parameters.WindowReceive);
        }

        [TestMethod]
        public void Kamstrup_aare_decodes_as_an_i_frame_with_the_llc_header()
        {
            HdlcFrame frame = DecodeOne(HdlcVectors.KamstrupAare);
            Assert.AreEqual((int)HdlcFrameType.Information, (int)frame.Type);
            Assert.AreEqual(0, frame.SendSequence);
            Assert.AreEqual(1, frame.ReceiveSequence);
            Assert.IsTrue(frame.PollFinal);
            Assert.AreEqual(0xE6, (int)frame.Buffer[frame.InformationOffset]);
            Assert.AreEqual(0xE7, (int)frame.Buffer[frame.InformationOffset + 1]);
            Assert.AreEqual(0x00, (int)frame.Buffer[frame.InformationOffset + 2]);
            Assert.AreEqual(0x61, (int)frame.Buffer[frame.InformationOffset + 3]);
            Assert.AreEqual(0x43 - 2 - 1 - 2 - 1 - 2 - 2, frame.InformationLength);
        }

        [TestMethod]
        public void Nartis_exchange_decodes()
        {
            HdlcFrame snrm = DecodeOne(HdlcVectors.NartisSnrm);
            Assert.AreEqual(1, (int)snrm.Destination.Upper);
            Assert.AreEqual(16, (int)snrm.Destination.Lower);
            Assert.AreEqual(HdlcAddress.PasswordClient, (int)snrm.Source.Upper);
            HdlcFrame ua = DecodeOne(HdlcVectors.NartisUa);
            HdlcLinkParameters parameters;
            Assert.IsTrue(HdlcLinkParameters.TryRead(ua.Buffer, ua.InformationOffset, ua.InformationLength, out parameters));
            Assert.AreEqual(256, parameters.MaxInformationTransmit);
        }

        [TestMethod]
        public void One_and_two_byte_parameter_values_decode()
        {
            HdlcFrame snrm = DecodeOne(HdlcVectors.OneByteSnrmWithParameters);
            HdlcLinkParameters parameters;
            Assert.IsTrue(HdlcLinkParameters.TryRead(snrm.Buffer, snrm.InformationOffset, snrm.InformationLength, out parameters));
            Assert.AreEqual(128, parameters.MaxInformationReceive);
            HdlcFrame ua = DecodeOne(HdlcVectors.OneByteUaWithParameters);
            Assert.IsTrue(HdlcLinkParameters.TryRead(ua.Buffer, ua.InformationOffset, ua.InformationLength, out parameters));
            Assert.AreEqual(128, parameters.MaxInformationTransmit);
            Assert.AreEqual(1, parameters.WindowReceive);
        }

        [TestMethod]
        public void Four_byte_server_address_decodes()
        {
            HdlcFrame frame = DecodeOne(HdlcVectors.FourByteSnrm);
            Assert.AreEqual(4, (int)frame.Destination.Size);
            Assert.AreEqual(1, (int)frame.Destination.Upper);
            Assert.AreEqual(0x3FFF, (int)frame.Destination.Lower);
            Assert.AreEqual(4, (int)frame.Source.Upper);
        }

        [TestMethod]
        public void Frames_arriving_byte_by_byte_decode_the_same()
        {
            HdlcFrameDecoder decoder = NewDecoder();
            byte[] data = HexBytes.Parse(HdlcVectors.KamstrupAare);
            Assert.AreEqual("F", Run(decoder, data, 1, true));
            Assert.AreEqual(0x61, (int)decoder.Frame.Buffer[decoder.Frame.InformationOffset + 3]);
        }

        [TestMethod]
        public void Back_to_back_frames_may_share_a_flag()
        {
            byte[] first = HexBytes.Parse(HdlcVectors.KamstrupUa);
            byte[] second = HexBytes.Parse(HdlcVectors.KamstrupAare);
            byte[] data = new byte[first.Length + second.Length - 1];
            System.Array.Copy(first, data, first.Length);
            System.Array.Copy(second, 1, data, first.Length, second.Length - 1);
            Assert.AreEqual("FF", Run(NewDecoder(), data, 7, true));
        }

        [TestMethod]
        public void Repeated_flags_between_frames_are_fill()
        {
            byte[] data = HexBytes.Parse("7E 7E 7E " + HdlcVectors.SeedSnrm + " 7E 7E " + HdlcVectors.SeedSnrm);
            Assert.AreEqual("FF", Run(NewDecoder(), data, 3, true));
        }

        [TestMethod]
        public void Noise_before_a_frame_is_skipped_and_reported()
        {
            HdlcFrameDecoder decoder = NewDecoder();
            byte[] data = HexBytes.Parse("00 FF 12 " + HdlcVectors.NartisUa);
            Assert.AreEqual("GF", Run(decoder, data, 64, true));
            Assert.AreEqual(1, decoder.GetCount(HdlcDecodeStatus.GarbageSkipped));
            Assert.AreEqual(1, decoder.GetCount(HdlcDecodeStatus.FrameReady));
        }

        [TestMethod]
        public void Bad_fcs_names_both_values_and_the_next_frame_still_decodes()
        {
            HdlcFrameDecoder decoder = NewDecoder();
            byte[] bad = HexBytes.Parse(HdlcVectors.KamstrupAare);
            bad[20] ^= 0x01;
            byte[] data = HexBytes.Concat(bad, HexBytes.Parse(HdlcVectors.KamstrupUa));
            Assert.AreEqual("CF", Run(decoder, data, 16, true));
            Assert.AreEqual((int)HdlcDecodeStatus.BadFcs, (int)decoder.LastFailure);
            Assert.AreEqual(0x5384, decoder.LastExpected);
            Assert.AreNotEqual(0x5384, decoder.LastActual);
            Assert.IsTrue(decoder.DescribeLastFailure().IndexOf("FCS mismatch: frame says 0x5384, computed 0x") == 0);
            Assert.AreEqual((int)HdlcFrameType.UnnumberedAcknowledge, (int)decoder.Frame.Type);
        }

        [TestMethod]
        public void Bad_hcs_is_reported_before_the_fcs()
        {
            HdlcFrameDecoder decoder = NewDecoder();
            byte[] bad = HexBytes.Parse(HdlcVectors.KamstrupAare);
            bad[7] ^= 0x80; // the HCS's first byte
            // Found as soon as the header is in (byte 9 of the frame); the rest is skipped up to its closing flag.
            int consumed;
            Assert.AreEqual((int)HdlcDecodeStatus.BadHcs, (int)decoder.Feed(bad, 0, bad.Length, out consumed));
            Assert.AreEqual(9, consumed);
            Assert.AreEqual(0xF4 ^ 0x80 | 0x42 << 8, decoder.LastExpected);
            Assert.AreEqual(0x42F4, decoder.LastActual);
            Assert.AreEqual("HCS mismatch: frame says 0x4274, computed 0x42F4", decoder.DescribeLastFailure());
            byte[] rest = new byte[bad.Length - consumed];
            System.Array.Copy(bad, consumed, rest, 0, rest.Length);
            Assert.AreEqual("G", Run(decoder, rest, rest.Length, true));
        }

        [TestMethod]
        public void A_frame_cut_short_does_not_take_the_next_frame_with_it()
        {
            byte[] aare = HexBytes.Parse(HdlcVectors.KamstrupAare);
            byte[] cut = new byte[30];
            System.Array.Copy(aare, cut, cut.Length);
            byte[] data = HexBytes.Concat(cut, HexBytes.Concat(aare, HexBytes.Parse(HdlcVectors.KamstrupUa)));
            for (int piece = 1; piece <= 64; piece *= 2)
            {
                HdlcFrameDecoder decoder = NewDecoder();
                string statuses = Run(decoder, data, piece, true);
                Assert.AreEqual(2, decoder.GetCount(HdlcDecodeStatus.FrameReady), "frames decoded, pieces of " + piece.ToString() + ": " + statuses);
                Assert.AreEqual((int)HdlcFrameType.UnnumberedAcknowledge, (int)decoder.Frame.Type);
            }
        }

        [TestMethod]
        public void A_format_that_is_not_type_3_is_rejected()
        {
            HdlcFrameDecoder decoder = NewDecoder();
            byte[] data = HexBytes.Parse("7E 80 07 03 21 93 0F 01 7E");
            int consumed;
            Assert.AreEqual((int)HdlcDecodeStatus.BadFormat, (int)decoder.Feed(data, 0, data.Length, out consumed));
            Assert.AreEqual("frame format 0x80 is not type 3 (top nibble 0xA)", decoder.DescribeLastFailure());
            Assert.AreEqual("G", Run(decoder, HexBytes.Parse("07 03 21 93 0F 01 7E"), 7, true));
            Assert.AreEqual(0, decoder.GetCount(HdlcDecodeStatus.FrameReady));
        }

        [TestMethod]
        public void A_length_beyond_the_limit_is_rejected()
        {
            HdlcFrameDecoder decoder = new HdlcFrameDecoder(64);
            byte[] data = HexBytes.Parse(HdlcVectors.KamstrupAare);
            int consumed;
            Assert.AreEqual((int)HdlcDecodeStatus.TooLong, (int)decoder.Feed(data, 0, data.Length, out consumed));
            Assert.AreEqual(3, consumed);
            Assert.AreEqual("frame length 67 exceeds the maximum of 64", decoder.DescribeLastFailure());
        }

        [TestMethod]
        public void Input_ending_inside_a_frame_is_truncated()
        {
            HdlcFrameDecoder decoder = NewDecoder();
            byte[] aare = HexBytes.Parse(HdlcVectors.KamstrupAare);
            byte[] cut = new byte[40];
            System.Array.Copy(aare, cut, cut.Length);
            Assert.AreEqual("T", Run(decoder, cut, 8, true));
            Assert.AreEqual("input ended inside a frame after 39 of 67 bytes", decoder.DescribeLastFailure());
        }

        [TestMethod]
        public void A_missing_closing_flag_is_named()
        {
            HdlcFrameDecoder decoder = NewDecoder();
            byte[] data = HexBytes.Parse(HdlcVectors.SeedSnrm);
            data[8] = 0x55;
            Assert.AreEqual("X", Run(decoder, data, data.Length, true));
            Assert.AreEqual("closing flag expected after 7 bytes, found 0x55", decoder.DescribeLastFailure());
        }

        [TestMethod]
        public void The_seeds_parity_echo_is_no_frame_and_is_recognised()
        {
            HdlcFrameDecoder decoder = NewDecoder();
            byte[] echo = HexBytes.Parse(HdlcVectors.SeedSnrmParityEcho);
            // Its length field (0x087 = 135) is bogus, but its HCS fails as soon as the header is in.
            Assert.AreEqual("H", Run(decoder, echo, echo.Length, true));
            byte[] sent = HexBytes.Parse(HdlcVectors.SeedSnrm);
            Assert.IsTrue(HdlcEchoCheck.ContainsParityEcho(sent, 0, sent.Length, echo, 0, echo.Length));
            Assert.IsFalse(HdlcEchoCheck.ContainsParityEcho(sent, 0, sent.Length, sent, 0, sent.Length));
            Assert.IsTrue(HdlcEchoCheck.IsSame(sent, 0, sent.Length, sent, 0, sent.Length));
            byte[] noisy = HexBytes.Parse("00 " + HdlcVectors.SeedSnrmParityEcho);
            Assert.IsTrue(HdlcEchoCheck.ContainsParityEcho(sent, 0, sent.Length, noisy, 0, noisy.Length));
        }

        [TestMethod]
        public void Bad_address_is_rejected()
        {
            // A destination of 3 bytes (00 02 23 has its extension bit on the third byte): no such form.
            byte[] body = HexBytes.Parse("A0 09 00 02 23 21 93");
            byte[] frame = new byte[body.Length + 4];
            frame[0] = 0x7E;
            System.Array.Copy(body, 0, frame, 1, body.Length);
            ushort fcs = Concentrator.Core.Checksums.Crc16.X25(body, 0, body.Length);
            frame[body.Length + 1] = (byte)fcs;
            frame[body.Length + 2] = (byte)(fcs >> 8);
            frame[body.Length + 3] = 0x7E;
            HdlcFrameDecoder decoder = NewDecoder();
            int consumed;
            Assert.AreEqual((int)HdlcDecodeStatus.BadAddress, (int)decoder.Feed(frame, 0, frame.Length, out consumed));
            Assert.AreEqual("destination address does not end within 4 bytes (or is 3 bytes long)", decoder.DescribeLastFailure());
        }
    }
}
