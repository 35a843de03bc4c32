using Concentrator.Core.Dlms;
using Concentrator.Core.Io;
using Concentrator.Core.Tests.Io;
using Concentrator.Core.Tests.TestSupport;
using Concentrator.Core.Wrapper;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Wrapper
{
    /// <summary>The IEC 62056-47 wrapper against a scripted meter (client wPort 0x10, server wPort 1).</summary>
    [TestClass]
    public class WrapperTransportTests
    {
        private static WrapperTransport Transport(ScriptedPeerLink link, ManualClock clock)
        {
            WrapperTransportOptions options = new WrapperTransportOptions();
            options.ResponseTimeoutMilliseconds = 2000;
            WrapperTransport transport = new WrapperTransport(link, clock, options);
            transport.Open();
            return transport;
        }

        private static string Exchange(WrapperTransport transport, string requestHex, int responseSize, out ApduTransportStatus status)
        {
            byte[] request = HexBytes.Parse(requestHex);
            byte[] response = new byte[responseSize];
            int length;
            status = transport.Exchange(request, 0, request.Length, response, out length);
            return HexBytes.Format(response, 0, length);
        }

        [TestMethod]
        public void Request_gets_the_header_and_the_answer_loses_it()
        {
            ManualClock clock = new ManualClock();
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[] { HexBytes.Parse("00 01 00 01 00 10 00 09 C4 01 C1 00 06 00 00 00 2A") }, 2);
            WrapperTransport transport = Transport(link, clock);
            ApduTransportStatus status;
            Assert.AreEqual("C4 01 C1 00 06 00 00 00 2A", Exchange(transport, "C0 01 C1 00 03 01 00 01 08 00 FF 02 00", 64, out status));
            Assert.AreEqual((int)ApduTransportStatus.Ok, (int)status, transport.LastError);
            Assert.AreEqual("00 01 00 10 00 01 00 0D", HexBytes.Format(link.Written(0), 0, 8));
            Assert.AreEqual(8L + 13, transport.BytesSent);
            Assert.AreEqual(8L + 9, transport.BytesReceived);
            Assert.AreEqual(1, transport.RoundTrips);
        }

        [TestMethod]
        public void Wrong_version_or_ports_are_named()
        {
            ManualClock clock = new ManualClock();
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[] { HexBytes.Parse("00 02 00 01 00 10 00 01 C4"), HexBytes.Parse("00 01 00 02 00 10 00 01 C4") }, 2);
            WrapperTransport transport = Transport(link, clock);
            ApduTransportStatus status;
            Exchange(transport, "C0", 64, out status);
            Assert.AreEqual((int)ApduTransportStatus.Corrupt, (int)status);
            Assert.AreEqual("wrapper version 2 in the answer, expected 1", transport.LastError);
            Exchange(transport, "C0", 64, out status);
            Assert.AreEqual("answer from wPort 2 to wPort 16, expected 1 to 16", transport.LastError);
        }

        [TestMethod]
        public void Silence_and_a_cut_answer_time_out_and_a_late_answer_is_drained()
        {
            ManualClock clock = new ManualClock();
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[] { null, HexBytes.Parse("00 01 00 01 00 10 00 09 C4 01"), HexBytes.Parse("00 01 00 01 00 10 00 01 C5") }, 2);
            WrapperTransport transport = Transport(link, clock);
            ApduTransportStatus status;
            Exchange(transport, "C0", 64, out status);
            Assert.AreEqual((int)ApduTransportStatus.Timeout, (int)status);
            Assert.AreEqual(2000L, clock.NowMilliseconds);
            Assert.AreEqual("no wrapper header from wPort 1 within 2000 ms (0 of 8 bytes)", transport.LastError);
            Exchange(transport, "C0", 64, out status);
            Assert.AreEqual((int)ApduTransportStatus.Timeout, (int)status);
            Assert.AreEqual("incomplete answer from wPort 1 within 2000 ms (2 of 9 bytes)", transport.LastError);
            // The rest of the cut answer arrives late; the next exchange throws it away first.
            link.Queue(HexBytes.Parse("00 00 00 00 00 00 00"));
            Assert.AreEqual("C5", Exchange(transport, "C0", 64, out status));
            Assert.AreEqual((int)ApduTransportStatus.Ok, (int)status, transport.LastError);
        }

        [TestMethod]
        public void An_answer_too_long_is_read_whole_and_refused()
        {
            ManualClock clock = new ManualClock();
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[] { HexBytes.Parse("00 01 00 01 00 10 00 05 01 02 03 04 05"), HexBytes.Parse("00 01 00 01 00 10 00 01 C5") }, 2);
            WrapperTransport transport = Transport(link, clock);
            ApduTransportStatus status;
            Exchange(transport, "C0", 4, out status);
            Assert.AreEqual((int)ApduTransportStatus.BufferTooSmall, (int)status);
            Assert.AreEqual("C5", Exchange(transport, "C0", 4, out status));
        }

        [TestMethod]
        public void A_closed_connection_is_disconnected_and_not_open_until_reopened()
        {
            ManualClock clock = new ManualClock();
            ScriptedPeerLink link = new ScriptedPeerLink(clock, new object[0], 2);
            WrapperTransport transport = Transport(link, clock);
            link.NextReadStatus = LinkStatus.Closed;
            ApduTransportStatus status;
            Exchange(transport, "C0", 4, out status);
            Assert.AreEqual((int)ApduTransportStatus.Disconnected, (int)status);
            Exchange(transport, "C0", 4, out status);
            Assert.AreEqual((int)ApduTransportStatus.NotOpen, (int)status);
        }
    }
}
