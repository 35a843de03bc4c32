using System;
using Concentrator.Core.Dlms;
using Concentrator.Core.Hdlc;
using Concentrator.Core.Tests.Hdlc;
using Concentrator.Core.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly
{
    /// <summary>HDLC's per-frame paths allocate nothing: encoding, decoding (good and bad frames), a whole exchange.</summary>
    [TestClass]
    public class HdlcAllocationTests
    {
        [TestMethod]
        public void Encoding_and_decoding_frames_allocates_nothing()
        {
            byte[] information = new byte[128];
            byte[] frame = new byte[256];
            HdlcFrameDecoder decoder = new HdlcFrameDecoder(2047);
            byte[] published = HexBytes.Concat(HexBytes.Parse(HdlcVectors.KamstrupUa), HexBytes.Parse(HdlcVectors.KamstrupAare));
            byte[] damaged = HexBytes.Concat(HexBytes.Parse("00 11 " + HdlcVectors.SeedSnrmParityEcho), published);
            damaged[30] ^= 0x01;
            int frames = 0;
            long allocated = Allocation.By(() =>
            {
                for (int i = 0; i < 100; i++)
                {
                    int length = HdlcFrameEncoder.Encode(frame, 0, ReplayingHdlcMeter.Meter, ReplayingHdlcMeter.Client, HdlcControl.Information(i, i + 1, true), (i & 1) == 0, information, 0, information.Length);
                    frames += Decode(decoder, frame, length, 16);
                }

                frames += Decode(decoder, published, published.Length, 7);
                frames += Decode(decoder, damaged, damaged.Length, 5);
                while (decoder.Finish() != HdlcDecodeStatus.NeedMoreData)
                {
                }
            });

            Assert.AreEqual(0L, allocated, "bytes allocated while encoding and decoding frames");
            Assert.AreEqual(2 * (100 + 2 + 1), frames);
            Assert.IsTrue(decoder.GetCount(HdlcDecodeStatus.BadFcs) + decoder.GetCount(HdlcDecodeStatus.BadHcs) + decoder.GetCount(HdlcDecodeStatus.MissingClosingFlag) > 0);
        }

        [TestMethod]
        public void An_exchange_over_an_open_session_allocates_nothing()
        {
            ManualClock clock = new ManualClock();
            ReplayingHdlcMeter meter = new ReplayingHdlcMeter();
            HdlcSessionOptions options = new HdlcSessionOptions();
            options.Server = ReplayingHdlcMeter.Meter;
            options.Client = ReplayingHdlcMeter.Client;
            HdlcSession session = new HdlcSession(meter, clock, options);
            Assert.AreEqual(ApduTransportStatus.Ok, session.Open(), session.LastError);
            byte[] request = new byte[] { 0xC0, 0x01, 0xC1, 0x00, 0x03, 0x01, 0x00, 0x01, 0x08, 0x00, 0xFF, 0x02, 0x00 };
            byte[] response = new byte[64];
            int ok = 0;
            long allocated = Allocation.By(() =>
            {
                for (int i = 0; i < 20; i++)
                {
                    if (session.Exchange(request, 0, request.Length, response, out int length) == ApduTransportStatus.Ok && length == ReplayingHdlcMeter.ResponseApdu.Length)
                    {
                        ok++;
                    }
                }
            });

            Assert.AreEqual(0L, allocated, "bytes allocated by 20 exchanges");
            Assert.AreEqual(40, ok, session.LastError);
        }

        private static int Decode(HdlcFrameDecoder decoder, byte[] data, int length, int piece)
        {
            int ready = 0;
            int offset = 0;
            while (offset < length)
            {
                int count = Math.Min(piece, length - offset);
                HdlcDecodeStatus status = decoder.Feed(data, offset, count, out int consumed);
                offset += consumed;
                if (status == HdlcDecodeStatus.FrameReady)
                {
                    ready++;
                }
            }

            return ready;
        }
    }
}
