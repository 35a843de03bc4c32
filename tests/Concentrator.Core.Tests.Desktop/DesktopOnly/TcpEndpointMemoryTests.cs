using System;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Meters;
using Concentrator.Core.P1;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Scheduling.Readers;
using Concentrator.Core.Sml;
using Concentrator.Core.Tests.Io;
using Concentrator.Core.Tests.P1;
using Concentrator.Core.Tests.Scheduling;
using Concentrator.Core.Tests.Sml;
using Concentrator.Core.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly
{
    /// <summary>
    /// What one TCP endpoint costs in heap, measured by building the same Core objects with the same sizes as the
    /// board's <c>App/Ports/TcpPortStarter</c> (DLMS: the sizes of Core's DlmsBusReaders, an HDLC bus through it;
    /// decoders at their defaults). The numbers are desktop .NET (64-bit); the limit's reasoning in
    /// <c>Scheduling/README.md</c> converts them. The assertions keep the figures written there true.
    /// </summary>
    [TestClass]
    public class TcpEndpointMemoryTests
    {
        private static long Bytes(Func<object> build)
        {
            build(); // warm up: static tables, JIT
            long before = GC.GetAllocatedBytesForCurrentThread();
            object built = build();
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            GC.KeepAlive(built);
            return bytes;
        }

        // What the board builds for a polled endpoint: Core's TcpEndpointReaders with the board's sizes, and the scheduler.
        private static long Polled(TcpEndpoint endpoint)
        {
            ScriptedByteLink link = new ScriptedByteLink(new object[0]);
            return Bytes(() =>
            {
                TcpEndpointReaders factory = new TcpEndpointReaders(link, new ManualClock(), new FakeScheduleClock(10, 0, 0), new BoardReaderOptions(), endpoint.MeterCount);
                IMeterReader[] readers = new IMeterReader[endpoint.MeterCount];
                for (int i = 0; i < readers.Length; i++)
                {
                    readers[i] = factory.ReaderFor(endpoint.Meter(i));
                }

                return Scheduler(readers);
            });
        }

        private static PortScheduler Scheduler(IMeterReader[] readers)
        {
            MeterDefinition[] meters = new MeterDefinition[readers.Length];
            for (int i = 0; i < meters.Length; i++)
            {
                meters[i] = SchedulerRun.Meter("m" + i.ToString(), 900, ReadPriority.Billing);
            }

            return new PortScheduler(meters, readers, new FakeScheduleClock(10, 0, 0), new SchedulerOptions(), new RecordingReadSink());
        }

        [TestMethod]
        public void Endpoint_costs_are_covered_by_the_estimates()
        {
            TcpEndpoint wrapper = Endpoint(Tcp(MeterProtocol.DlmsWrapper, "gw:4059", 900));
            TcpEndpoint hdlcOne = Endpoint(Tcp(MeterProtocol.DlmsHdlc, "bus:4001/1/17", 900));
            TcpEndpoint hdlcTwo = Endpoint(Tcp(MeterProtocol.DlmsHdlc, "bus:4001/1/17", 900), Tcp(MeterProtocol.DlmsHdlc, "bus:4001/1/18", 900));
            TcpEndpoint iecOne = Endpoint(Tcp(MeterProtocol.Iec62056_21, "iec:3001", 900));
            TcpEndpoint iecTwo = Endpoint(Tcp(MeterProtocol.Iec62056_21, "iec:3001/1", 900), Tcp(MeterProtocol.Iec62056_21, "iec:3001/2", 900));
            TcpEndpoint smlPull = Endpoint(Tcp(MeterProtocol.Sml, "sml:7259", 60));
            TcpEndpoint p1Polled = Endpoint(Tcp(MeterProtocol.Dsmr, "p1:2001", 60));

            ScriptedByteLink link = new ScriptedByteLink(new object[0]);
            long p1Stream = Bytes(() => new P1PortReader(link, new DsmrTelegramDecoder(new DsmrDecoderOptions()), new RecordingTelegramSink(), new P1ReaderOptions()));
            long smlStream = Bytes(() => new SmlPushReader(link, new SmlFileDecoder(new SmlDecoderOptions()), new RecordingSmlSink(), new SmlPushReaderOptions()));

            long[] measured = { Polled(wrapper), Polled(hdlcOne), Polled(hdlcTwo), Polled(iecOne), Polled(iecTwo), Polled(smlPull), Polled(p1Polled) };
            Console.WriteLine("TCP endpoint heap on desktop .NET: wrapper meter " + measured[0] + " B, HDLC bus of 1 " + measured[1] + " B, of 2 " + measured[2]
                + " B, IEC meter " + measured[3] + " B, IEC two " + measured[4] + " B, SML pull " + measured[5] + " B, DSMR polled " + measured[6]
                + " B, DSMR P1 stream " + p1Stream + " B, SML stream " + smlStream + " B");

            // Core's estimates (what the board checks against its free heap before starting an endpoint) cover what was measured.
            Covers(measured[0], wrapper);
            Covers(measured[1], hdlcOne);
            Covers(measured[2], hdlcTwo);
            Covers(measured[3], iecOne);
            Covers(measured[4], iecTwo);
            Covers(measured[5], smlPull);
            Covers(measured[6], p1Polled);
            Covers(p1Stream, Endpoint(Tcp(MeterProtocol.Dsmr, "p1:2001", 0)));
            Covers(smlStream, Endpoint(Tcp(MeterProtocol.Sml, "sml:7259", 0)));
        }

        private static MeterDefinition Tcp(MeterProtocol protocol, string address, int interval)
        {
            MeterDefinition meter = new MeterDefinition();
            meter.Id = "m" + address.GetHashCode().ToString("X");
            meter.Port = MeterPort.Tcp;
            meter.Protocol = protocol;
            meter.Address = address;
            meter.IntervalSeconds = interval;
            return meter;
        }

        private static TcpEndpoint Endpoint(params MeterDefinition[] meters)
        {
            TcpEndpointPlan plan = TcpEndpointPlan.From(meters, meters.Length);
            Assert.AreEqual(1, plan.Count, plan.Describe());
            Assert.AreEqual(meters.Length, plan[0].MeterCount, plan.Describe());
            return plan[0];
        }

        private static void Covers(long measured, TcpEndpoint endpoint)
        {
            int readers = TcpEndpointPlan.EstimatedHeapBytes(endpoint) - TcpEndpointPlan.EndpointHeapBytes;
            Assert.IsTrue(measured <= readers, endpoint.Name + " " + endpoint.Meter(0).Protocol + " x" + endpoint.MeterCount + ": measured " + measured + " B, estimated " + readers + " B");
            Assert.IsTrue(measured >= readers * 3 / 4, endpoint.Name + " " + endpoint.Meter(0).Protocol + " x" + endpoint.MeterCount + ": estimate " + readers + " B is far above the measured " + measured + " B");
        }
    }
}
