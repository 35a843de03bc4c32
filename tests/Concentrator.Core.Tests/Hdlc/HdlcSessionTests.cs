using Concentrator.Core.Dlms;
using Concentrator.Core.Hdlc;
using Concentrator.Core.Io;
using Concentrator.Core.Tests.Io;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Hdlc
{
    /// <summary>The client link session against a scripted meter (server 1/17, client 0x10, 2-byte server address).</summary>
    [TestClass]
    public class HdlcSessionTests
    {
        private const int Timeout = 1000;

        private static readonly HdlcAddress Meter = HdlcAddress.Server(1, 17);
        private static readonly HdlcAddress Us = HdlcAddress.Client(HdlcAddress.PublicClient);

        // Control byte position in our frames: flag, 2 format bytes, 2 destination bytes, 1 source byte.
        private const int OurAddressBytes = 3;

        private static HdlcSessionOptions Options()
        {
            HdlcSessionOptions options = new HdlcSessionOptions();
            options.Server = Meter;
            options.Client = Us;
            options.MaxInformationTransmit = 256;
            options.MaxInformationReceive = 256;
            options.ResponseTimeoutMilliseconds = Timeout;
            options.MaxRetries = 2;
            return options;
        }

        /// <summary>A frame from the meter to us.</summary>
        private static byte[] FromMeter(byte control, bool segmented, string informationHex)
        {
            byte[] information = informationHex == null ? null : HexBytes.Parse(informationHex);
            byte[] buffer = new byte[2100];
            int length = HdlcFrameEncoder.Encode(buffer, 0, Us, Meter, control, segmented, information, 0, information == null ? 0 : information.Length);
            byte[] frame = new byte[length];
            System.Array.Copy(buffer, frame, length);
            return frame;
        }

        private static byte[] Ua(int maxTransmit, int maxReceive)
        {
            byte[] block = new byte[32];
            int length = new HdlcLinkParameters(maxTransmit, maxReceive, 1, 1).WriteTo(block, 0);
            return FromMeter(HdlcControl.Unnumbered(HdlcControl.Ua), false, HexBytes.Format(block, 0, length));
        }

        private static byte[] I(int ns, int nr, bool segmented, string information)
        {
            return FromMeter(HdlcControl.Information(ns, nr, true), segmented, information);
        }

        private static HdlcSession Session(ScriptedPeerLink link, ManualClock clock)
        {
            return new HdlcSession(link, clock, Options());
        }

        private static string Exchange(HdlcSession session, string requestHex, out ApduTransportStatus status)
        {
            byte[] request = HexBytes.Parse(requestHex);
            byte[] response = new byte[1024];
            int length;
            status = session.Exchange(request, 0, request.Length, response, out length);
            return HexBytes.Format(response, 0, length);
        }

        [TestMethod]
        public void Open_negotiates_the_smaller_lengths()
        {
            ManualClock clock = new ManualClock();
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[] { Ua(128, 1010) }, 1);
            HdlcSession session = Session(link, clock);
            Assert.AreEqual((int)ApduTransportStatus.Ok, (int)session.Open(), session.LastError);
            Assert.IsTrue(session.IsOpen);
            Assert.AreEqual(256, session.Negotiated.MaxInformationTransmit);
            Assert.AreEqual(128, session.Negotiated.MaxInformationReceive);
            Assert.AreEqual(0x93, link.WrittenControl(0, OurAddressBytes));
            // SNRM carries our proposal: 81 80 len 05 02 01 00 (256) 06 02 01 00 07 04 00 00 00 01 08 04 00 00 00 01.
            byte[] snrm = link.Written(0);
            Assert.AreEqual("81 80 14 05 02 01 00 06 02 01 00 07 04 00 00 00 01 08 04 00 00 00 01", HexBytes.Format(snrm, 9, 23));
            Assert.AreEqual(1, session.RoundTrips);
            Assert.AreEqual((long)snrm.Length, session.BytesSent);
        }

        [TestMethod]
        public void Open_answered_with_dm_is_a_refusal()
        {
            ManualClock clock = new ManualClock();
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[] { FromMeter(HdlcControl.Unnumbered(HdlcControl.Dm), false, null) }, 1);
            HdlcSession session = Session(link, clock);
            Assert.AreEqual((int)ApduTransportStatus.Disconnected, (int)session.Open());
            Assert.IsFalse(session.IsOpen);
            Assert.IsTrue(session.LastError.IndexOf("answered SNRM with DM") >= 0, session.LastError);
        }

        [TestMethod]
        public void A_silent_meter_costs_a_bounded_time()
        {
            ManualClock clock = new ManualClock();
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[0], 1);
            HdlcSession session = Session(link, clock);
            Assert.AreEqual((int)ApduTransportStatus.Timeout, (int)session.Open());
            Assert.AreEqual(3, link.WriteCount);
            Assert.AreEqual(3L * Timeout, clock.NowMilliseconds);
            Assert.AreEqual(2, session.Retransmissions);
            Assert.AreEqual("no answer to SNRM from meter 1/17 after 3 tries of 1000 ms", session.LastError);
        }

        [TestMethod]
        public void The_seeds_parity_echo_gets_a_diagnosis()
        {
            ManualClock clock = new ManualClock();
            byte[] echo = HexBytes.Parse(HdlcVectors.SeedSnrmParityEcho);
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[] { echo, echo, echo }, 1);
            HdlcSessionOptions options = Options();
            options.Server = new HdlcAddress(1, 0, 1);
            options.ProposeParameters = false;
            HdlcSession session = new HdlcSession(link, clock, options);
            Assert.AreEqual((int)ApduTransportStatus.Corrupt, (int)session.Open());
            Assert.AreEqual(HdlcVectors.SeedSnrm, HexBytes.Format(link.Written(0), 0, 9));
            Assert.IsTrue(session.LastError.IndexOf("7E1") >= 0, session.LastError);
            Assert.IsTrue(session.LastError.IndexOf("8N1") >= 0, session.LastError);
        }

        [TestMethod]
        public void An_answer_behind_a_garbled_echo_is_still_found()
        {
            ManualClock clock = new ManualClock();
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[] { HexBytes.Concat(HexBytes.Parse(HdlcVectors.SeedSnrmParityEcho), Ua(128, 128)) }, 1);
            HdlcSession session = Session(link, clock);
            Assert.AreEqual((int)ApduTransportStatus.Ok, (int)session.Open(), session.LastError);
            Assert.AreEqual(0, session.Retransmissions);
        }

        [TestMethod]
        public void A_plain_echo_is_skipped()
        {
            ManualClock clock = new ManualClock();
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[] { Ua(128, 128), I(0, 1, false, "E6 E7 00 C4 01 C1 00 06 00 00 00 2A") }, 1);
            link.EchoWrites = true;
            HdlcSession session = Session(link, clock);
            Assert.AreEqual((int)ApduTransportStatus.Ok, (int)session.Open(), session.LastError);
            ApduTransportStatus status;
            Assert.AreEqual("C4 01 C1 00 06 00 00 00 2A", Exchange(session, "C0 01 C1 00 03 01 00 01 08 00 FF 02 00", out status));
            Assert.AreEqual((int)ApduTransportStatus.Ok, (int)status, session.LastError);
            Assert.AreEqual(2, session.EchoesSkipped);
            Assert.AreEqual(0, session.Retransmissions);
        }

        [TestMethod]
        public void Exchange_wraps_the_apdu_in_the_llc_header_and_strips_the_answers()
        {
            ManualClock clock = new ManualClock();
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[] { Ua(128, 128), I(0, 1, false, "E6 E7 00 C4 01 C1 00 06 00 00 00 2A"), I(1, 2, false, "E6 E7 00 C4 01 C1 00 11 07") }, 1);
            HdlcSession session = Session(link, clock);
            session.Open();
            ApduTransportStatus status;
            Assert.AreEqual("C4 01 C1 00 06 00 00 00 2A", Exchange(session, "C0 01 C1 00 03 01 00 01 08 00 FF 02 00", out status));
            Assert.AreEqual((int)ApduTransportStatus.Ok, (int)status);
            byte[] sent = link.Written(1);
            Assert.AreEqual(0x10, (int)sent[6]);
            Assert.AreEqual("E6 E6 00 C0 01 C1 00 03 01 00 01 08 00 FF 02 00", HexBytes.Format(sent, 9, 16));
            Assert.AreEqual("C4 01 C1 00 11 07", Exchange(session, "C0 01 C1 00 01 00 00 60 01 00 FF 02 00", out status));
            Assert.AreEqual(0x32, link.WrittenControl(2, OurAddressBytes));
            Assert.AreEqual(3, session.RoundTrips);
        }

        [TestMethod]
        public void A_segmented_answer_is_asked_for_with_rr_and_joined()
        {
            ManualClock clock = new ManualClock();
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[]
            {
                Ua(128, 128),
                I(0, 1, true, "E6 E7 00 C4 02 C1 00 00 00 00 01 00 82 01 00"),
                I(1, 1, true, "01 02 03 04"),
                I(2, 1, false, "05 06"),
            }, 1);
            HdlcSession session = Session(link, clock);
            session.Open();
            ApduTransportStatus status;
            Assert.AreEqual("C4 02 C1 00 00 00 00 01 00 82 01 00 01 02 03 04 05 06", Exchange(session, "C0 01 C1 00 0F 00 00 28 00 00 FF 02 00", out status));
            Assert.AreEqual((int)ApduTransportStatus.Ok, (int)status, session.LastError);
            Assert.AreEqual(0x31, link.WrittenControl(2, OurAddressBytes)); // RR N(R)=1
            Assert.AreEqual(0x51, link.WrittenControl(3, OurAddressBytes)); // RR N(R)=2
            Assert.AreEqual(4, session.RoundTrips);
        }

        [TestMethod]
        public void Segments_without_the_final_bit_are_taken_as_a_window_and_then_asked_for()
        {
            ManualClock clock = new ManualClock();
            byte[] first = FromMeter(HdlcControl.Information(0, 1, false), true, "E6 E7 00 C4 02");
            byte[] second = FromMeter(HdlcControl.Information(1, 1, false), true, "01 02");
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[]
            {
                Ua(128, 128),
                HexBytes.Concat(first, second),
                I(2, 1, false, "03"),
            }, 1);
            HdlcSession session = Session(link, clock);
            session.Open();
            ApduTransportStatus status;
            Assert.AreEqual("C4 02 01 02 03", Exchange(session, "C0 01", out status));
            Assert.AreEqual((int)ApduTransportStatus.Ok, (int)status, session.LastError);
            Assert.AreEqual(0x51, link.WrittenControl(2, OurAddressBytes)); // RR N(R)=2 after the silence
            Assert.AreEqual((long)Timeout, clock.NowMilliseconds);
        }

        [TestMethod]
        public void A_long_request_goes_in_segments_each_acknowledged()
        {
            ManualClock clock = new ManualClock();
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[]
            {
                Ua(128, 40), // the meter accepts 40-byte information fields
                FromMeter(HdlcControl.ReceiveReady(1, true), false, null),
                FromMeter(HdlcControl.ReceiveReady(2, true), false, null),
                I(0, 3, false, "E6 E7 00 C5 01 C1 00"),
            }, 1);
            HdlcSession session = Session(link, clock);
            session.Open();
            Assert.AreEqual(40, session.Negotiated.MaxInformationTransmit);
            string request = string.Empty;
            for (int i = 0; i < 100; i++)
            {
                request += (i % 10).ToString() + "A ";
            }

            ApduTransportStatus status;
            Assert.AreEqual("C5 01 C1 00", Exchange(session, request, out status));
            Assert.AreEqual((int)ApduTransportStatus.Ok, (int)status, session.LastError);
            Assert.AreEqual(4, link.WriteCount);
            // Segments: 40 (E6 E6 00 + 37), 40, 23; the first two with the segmentation bit.
            Assert.AreEqual(0xA8, (int)link.Written(1)[1]);
            Assert.AreEqual(0xA8, (int)link.Written(2)[1]);
            Assert.AreEqual(0xA0, (int)link.Written(3)[1]);
            Assert.AreEqual(0x10, link.WrittenControl(1, OurAddressBytes));
            Assert.AreEqual(0x12, link.WrittenControl(2, OurAddressBytes));
            Assert.AreEqual(0x14, link.WrittenControl(3, OurAddressBytes));
            Assert.AreEqual(40 + 2 + 3 + 1 + 2 + 2 + 2, link.Written(1).Length);
        }

        [TestMethod]
        public void A_long_answer_trickling_in_at_a_low_baud_is_not_cut_off()
        {
            // 2400 baud: a 256-byte information field takes over a second on the line, longer than the 1 s timeout.
            ManualClock clock = new ManualClock();
            string information = "E6 E7 00";
            for (int i = 0; i < 250; i++)
            {
                information += " 5A";
            }

            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[] { Ua(256, 256), I(0, 1, false, information) }, 1);
            HdlcSessionOptions options = Options();
            options.Line = new LineSettings(2400, 8, LineParity.None, 1, false);
            HdlcSession session = new HdlcSession(link, clock, options);
            Assert.AreEqual((int)ApduTransportStatus.Ok, (int)session.Open(), session.LastError);
            link.BytesPerRead = 16;
            link.MillisecondsPerRead = 66; // 16 characters at 2400 baud
            ApduTransportStatus status;
            string answer = Exchange(session, "C0 01", out status);
            Assert.AreEqual((int)ApduTransportStatus.Ok, (int)status, session.LastError);
            Assert.AreEqual(250 * 3 - 1, answer.Length);
            Assert.IsTrue(clock.NowMilliseconds > Timeout, "the answer took " + clock.NowMilliseconds.ToString() + " ms");
            Assert.AreEqual(0, session.Retransmissions);
        }

        [TestMethod]
        public void A_babbling_line_is_given_up_on()
        {
            ManualClock clock = new ManualClock();
            byte[] noise = new byte[4000];
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[] { noise }, 1);
            HdlcSessionOptions options = Options();
            options.MaxRetries = 0;
            HdlcSession session = new HdlcSession(link, clock, options);
            link.BytesPerRead = 1;
            link.MillisecondsPerRead = 10;
            Assert.AreEqual((int)ApduTransportStatus.Timeout, (int)session.Open());
            Assert.IsTrue(clock.NowMilliseconds <= 2 * Timeout + 20, "gave up after " + clock.NowMilliseconds.ToString() + " ms");
        }

        [TestMethod]
        public void A_lost_answer_is_recovered_by_retransmission()
        {
            ManualClock clock = new ManualClock();
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[] { Ua(128, 128), null, I(0, 1, false, "E6 E7 00 C4 01 C1 00 0F 05") }, 1);
            HdlcSession session = Session(link, clock);
            session.Open();
            ApduTransportStatus status;
            Assert.AreEqual("C4 01 C1 00 0F 05", Exchange(session, "C0 01 C1 00 01 00 00 60 01 00 FF 02 00", out status));
            Assert.AreEqual((int)ApduTransportStatus.Ok, (int)status, session.LastError);
            Assert.AreEqual(1, session.Retransmissions);
            Assert.AreEqual(HexBytes.Format(link.Written(1), 0, link.Written(1).Length), HexBytes.Format(link.Written(2), 0, link.Written(2).Length));
        }

        [TestMethod]
        public void An_answer_with_a_bad_fcs_is_discarded_and_asked_for_again()
        {
            ManualClock clock = new ManualClock();
            byte[] corrupt = I(0, 1, false, "E6 E7 00 C4 01 C1 00 0F 05");
            corrupt[12] ^= 0x40;
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[] { Ua(128, 128), corrupt, I(0, 1, false, "E6 E7 00 C4 01 C1 00 0F 05") }, 1);
            HdlcSession session = Session(link, clock);
            session.Open();
            ApduTransportStatus status;
            Assert.AreEqual("C4 01 C1 00 0F 05", Exchange(session, "C0 01 C1 00 01 00 00 60 01 00 FF 02 00", out status));
            Assert.AreEqual((int)ApduTransportStatus.Ok, (int)status, session.LastError);
            Assert.AreEqual(1, session.Decoder.GetCount(HdlcDecodeStatus.BadFcs));
        }

        [TestMethod]
        public void A_busy_meter_is_polled_a_bounded_number_of_times()
        {
            byte[] rnr = FromMeter(HdlcControl.ReceiveNotReady(0, true), false, null);
            byte[] rr = FromMeter(HdlcControl.ReceiveReady(1, true), false, null);
            ManualClock clock = new ManualClock();
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[] { Ua(128, 128), rr, rnr, I(0, 1, false, "E6 E7 00 C4 01") }, 1);
            HdlcSession session = Session(link, clock);
            session.Open();
            ApduTransportStatus status;
            Assert.AreEqual("C4 01", Exchange(session, "C0 01", out status));
            Assert.AreEqual((int)ApduTransportStatus.Ok, (int)status, session.LastError);

            clock = new ManualClock();
            link = new ScriptedPeerLink(clock, new object[] { Ua(128, 128), rnr, rnr, rnr, rnr, rnr, rnr, rnr }, 1);
            session = Session(link, clock);
            session.Open();
            Exchange(session, "C0 01", out status);
            Assert.AreEqual((int)ApduTransportStatus.Timeout, (int)status);
            Assert.AreEqual("meter 1/17 stayed busy (RNR) through 3 polls", session.LastError);
            Assert.AreEqual(1 + 1 + 3, link.WriteCount);
        }

        [TestMethod]
        public void A_meter_repeating_a_segment_forever_is_given_up_on()
        {
            byte[] segment = I(0, 1, true, "E6 E7 00 C4 02");
            ManualClock clock = new ManualClock();
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[] { Ua(128, 128), segment, segment, segment, segment, segment, segment, segment }, 1);
            HdlcSession session = Session(link, clock);
            session.Open();
            ApduTransportStatus status;
            Exchange(session, "C0 01", out status);
            Assert.AreEqual((int)ApduTransportStatus.Corrupt, (int)status);
            Assert.AreEqual("meter 1/17 keeps repeating segment N(S)=0", session.LastError);
        }

        [TestMethod]
        public void An_answer_running_past_any_apdu_length_is_cut_off()
        {
            string filler = "00";
            for (int i = 1; i < 120; i++)
            {
                filler += " 00";
            }

            object[] replies = new object[1 + 560];
            replies[0] = Ua(128, 128);
            for (int n = 0; n < 560; n++)
            {
                replies[1 + n] = I(n & 7, 1, true, n == 0 ? "E6 E7 00 " + filler : filler);
            }

            ManualClock clock = new ManualClock();
            ScriptedPeerLink link = new ScriptedPeerLink(clock, replies, 1);
            HdlcSession session = Session(link, clock);
            session.Open();
            ApduTransportStatus status;
            Exchange(session, "C0 01", out status);
            Assert.AreEqual((int)ApduTransportStatus.Corrupt, (int)status);
            Assert.AreEqual("answer from meter 1/17 runs past 65535 bytes", session.LastError);
            Assert.IsFalse(session.IsOpen);
        }

        [TestMethod]
        public void A_wrong_send_sequence_is_a_sequence_error()
        {
            ManualClock clock = new ManualClock();
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[] { Ua(128, 128), I(3, 1, false, "E6 E7 00 C4 01 C1 00 0F 05") }, 1);
            HdlcSession session = Session(link, clock);
            session.Open();
            ApduTransportStatus status;
            Exchange(session, "C0 01 C1 00 01 00 00 60 01 00 FF 02 00", out status);
            Assert.AreEqual((int)ApduTransportStatus.Corrupt, (int)status);
            Assert.AreEqual("sequence error: meter's N(S)=3, expected 0", session.LastError);
        }

        [TestMethod]
        public void Dm_or_frmr_in_an_exchange_drops_the_link()
        {
            byte[][] answers = new byte[][] { FromMeter(HdlcControl.Unnumbered(HdlcControl.Dm), false, null), FromMeter(HdlcControl.Unnumbered(HdlcControl.Frmr), false, "10 00 01") };
            for (int i = 0; i < answers.Length; i++)
            {
                ManualClock clock = new ManualClock();
                ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[] { Ua(128, 128), answers[i] }, 1);
                HdlcSession session = Session(link, clock);
                session.Open();
                ApduTransportStatus status;
                Exchange(session, "C0 01 C1 00 01 00 00 60 01 00 FF 02 00", out status);
                Assert.AreEqual((int)ApduTransportStatus.Disconnected, (int)status);
                Assert.IsFalse(session.IsOpen);
                Assert.AreEqual((int)ApduTransportStatus.NotOpen, (int)session.Exchange(new byte[1], 0, 1, new byte[8], out _));
            }
        }

        [TestMethod]
        public void Frames_of_other_meters_on_the_bus_are_skipped()
        {
            ManualClock clock = new ManualClock();
            byte[] other = new byte[64];
            int length = HdlcFrameEncoder.Encode(other, 0, Us, HdlcAddress.Server(1, 18), HdlcControl.Unnumbered(HdlcControl.Ua), false, null, 0, 0);
            byte[] foreign = new byte[length];
            System.Array.Copy(other, foreign, length);
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[] { HexBytes.Concat(foreign, Ua(128, 128)) }, 1);
            HdlcSession session = Session(link, clock);
            Assert.AreEqual((int)ApduTransportStatus.Ok, (int)session.Open(), session.LastError);
            Assert.AreEqual(1, session.ForeignFramesSkipped);
        }

        [TestMethod]
        public void An_answer_too_long_for_the_buffer_is_read_to_its_end_and_refused()
        {
            ManualClock clock = new ManualClock();
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[] { Ua(128, 128), I(0, 1, false, "E6 E7 00 01 02 03 04 05 06 07 08 09 0A") }, 1);
            HdlcSession session = Session(link, clock);
            session.Open();
            byte[] request = new byte[] { 0xC0 };
            byte[] response = new byte[4];
            int responseLength;
            Assert.AreEqual((int)ApduTransportStatus.BufferTooSmall, (int)session.Exchange(request, 0, 1, response, out responseLength));
            Assert.AreEqual("response of 10 bytes does not fit the 4-byte buffer", session.LastError);
        }

        [TestMethod]
        public void Exchange_before_open_is_refused_and_close_sends_disc()
        {
            ManualClock clock = new ManualClock();
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[] { Ua(128, 128), FromMeter(HdlcControl.Unnumbered(HdlcControl.Ua), false, null) }, 1);
            HdlcSession session = Session(link, clock);
            int length;
            Assert.AreEqual((int)ApduTransportStatus.NotOpen, (int)session.Exchange(new byte[1], 0, 1, new byte[8], out length));
            session.Close();
            Assert.AreEqual(0, link.WriteCount);
            session.Open();
            session.Close();
            Assert.AreEqual(0x53, link.WrittenControl(1, OurAddressBytes));
            Assert.IsFalse(session.IsOpen);
            Assert.AreEqual(string.Empty, session.LastError);
        }

        [TestMethod]
        public void A_closed_line_is_reported_as_disconnected()
        {
            ManualClock clock = new ManualClock();
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[0], 1);
            link.NextReadStatus = LinkStatus.Closed;
            HdlcSession session = Session(link, clock);
            Assert.AreEqual((int)ApduTransportStatus.Disconnected, (int)session.Open());
            Assert.AreEqual("the line to meter 1/17 closed while reading", session.LastError);
        }
    }
}
