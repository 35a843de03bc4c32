using System;
using System.Threading;
using Concentrator.App.Publishing;
using Concentrator.App.Settings;
using Concentrator.Core.Boards;
using Concentrator.Core.Bus;
using Concentrator.Core.Diagnostics;
using Concentrator.Core.Dlms;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Hdlc;
using Concentrator.Core.Iec62056;
using Concentrator.Core.Io;
using Concentrator.Core.Meters;
using Concentrator.Core.P1;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Scheduling.Readers;
using Concentrator.Core.Sml;
using Concentrator.Drivers.Optical;
using Concentrator.Drivers.P1;
using Concentrator.Drivers.Rs485;
using Concentrator.Drivers.Sml;
using Concentrator.Drivers.Timing;

namespace Concentrator.App.Ports
{
    /// <summary>
    /// Builds and starts one thread per port the <see cref="PortPlan"/> lets run: the push ports (P1, SML head) with
    /// their continuous readers, the polled ports (optical head: IEC 62056-21; RS485 bus: DLMS/COSEM over HDLC) with
    /// Core's <see cref="PortScheduler"/> and its readers, and the TCP meters (<see cref="TcpPortStarter"/>: one thread
    /// per endpoint). Every meter gets its <see cref="MeterPublisher"/> first, so
    /// that a port that cannot run, a driver that refuses its pins, or a meter the port cannot read is reported on the
    /// meter's error topic (and in the log) while the other ports run.
    /// </summary>
    public static class PortStarter
    {
        /// <summary>DLMS reader sizes on the device for TCP endpoints (the RS485 bus sizes its own: Core's DlmsBusReaders).</summary>
        internal static readonly BoardReaderOptions ReaderSizes = new BoardReaderOptions();

        // DIAG's health of every meter and CAPT's capture (set by StartAll, read while the ports are built).
        private static MeterHealthTable s_health;
        private static FrameCapture s_capture;

        /// <summary>Starts every port that can run; returns the P1 meter's publisher (null when P1 does not run).</summary>
        public static MeterPublisher StartAll(PortPlan plan, ConcentratorSettings settings, ReadingPublisher publisher, MeterHealthTable health, FrameCapture capture)
        {
            s_health = health;
            s_capture = capture;
            for (int p = 0; p <= (int)MeterPort.Tcp; p++)
            {
                MeterDefinition[] meters = plan.Meters((MeterPort)p);
                for (int i = 0; i < meters.Length; i++)
                {
                    MeterPublisher meter = publisher.Add(meters[i].Id, (MeterPort)p);
                    health.Add(meters[i].Id);
                    string problem = plan.Problem((MeterPort)p);
                    if (problem != null)
                    {
                        meter.ReportProblem(PortPlan.Name((MeterPort)p) + " does not run: " + problem);
                    }
                }
            }

            MeterPublisher p1 = null;
            if (plan.Runs(MeterPort.P1))
            {
                p1 = Guarded(MeterPort.P1, plan, settings, publisher);
            }

            Guarded(MeterPort.Optical, plan, settings, publisher);
            Guarded(MeterPort.Rs485, plan, settings, publisher);
            Guarded(MeterPort.SmlPush, plan, settings, publisher);
            Guarded(MeterPort.Tcp, plan, settings, publisher);
            return p1;
        }

        // A driver that refuses its options (a pin the board lacks) is reported on the port's meters, not fatal.
        private static MeterPublisher Guarded(MeterPort port, PortPlan plan, ConcentratorSettings settings, ReadingPublisher publisher)
        {
            if (!plan.Runs(port))
            {
                return null;
            }

            MeterDefinition[] meters = plan.Meters(port);
            try
            {
                switch (port)
                {
                    case MeterPort.P1:
                        return StartP1(meters[0], settings, publisher);
                    case MeterPort.Optical:
                        StartOptical(meters, settings, publisher);
                        break;
                    case MeterPort.Rs485:
                        StartRs485(meters, settings, publisher);
                        break;
                    case MeterPort.SmlPush:
                        StartSml(meters[0], settings, publisher);
                        break;
                    case MeterPort.Tcp:
                        TcpPortStarter.Start(meters, publisher);
                        break;
                }
            }
            catch (ArgumentException ex)
            {
                for (int i = 0; i < meters.Length; i++)
                {
                    publisher.Find(meters[i].Id).ReportProblem(PortPlan.Name(port) + " settings: " + ex.Message);
                }
            }

            return null;
        }

        private static MeterPublisher StartP1(MeterDefinition meter, ConcentratorSettings settings, ReadingPublisher publisher)
        {
            P1Port port = new P1Port(settings.ToP1PortOptions());
            MeterPublisher sink = publisher.Find(meter.Id);
            sink.Link = settings.P1PortName + " " + settings.P1LineSettingsToUse.ToString();
            IByteLink pushing;
            PushMeterHealthSink pushed = PushHealth(sink, meter.Id, true, port, out pushing);
            P1PortReader reader = new P1PortReader(pushing, new DsmrTelegramDecoder(new DsmrDecoderOptions()), pushed, new P1ReaderOptions());
            PortHandle handle = new PortHandle("P1 port " + settings.P1PortName, port.Open, port.Close, delegate { return port.LastProblem; });
            handle.Opened = delegate
            {
                Log.Info("P1 inversion " + StatusText.Of(port.Inversion));
                sink.Link = settings.P1PortName + " " + settings.P1LineSettingsToUse.ToString()
                    + (port.Inversion == P1SignalInversion.Uart ? " (UART)" : port.Inversion == P1SignalInversion.External ? " (inverter)" : string.Empty);
                pushed.Link = sink.Link;
                return port.Inversion == P1SignalInversion.Unavailable ? port.LastProblem : null;
            };
            new Thread(new ContinuousPortLoop(handle, reader, sink).Run).Start();
            return sink;
        }

        private static void StartSml(MeterDefinition meter, ConcentratorSettings settings, ReadingPublisher publisher)
        {
            BoardProfile board = settings.Board;
            SmlOpticalPortOptions options = new SmlOpticalPortOptions();
            options.PortName = board.ComPortName(UartRole.SmlPush);
            options.RxPin = board.Pin(BoardFunction.SmlRx);
            options.TxPin = board.Pin(BoardFunction.SmlTx);
            SmlOpticalPort port = new SmlOpticalPort(options);
            MeterPublisher sink = publisher.Find(meter.Id);
            sink.Link = options.PortName + " " + options.LineSettings.ToString();
            if (meter.Protocol != MeterProtocol.Sml)
            {
                sink.ReportProblem("meter on the SML head has protocol " + meter.Protocol.ToString() + "; read as SML");
            }

            IByteLink pushing;
            PushMeterHealthSink pushed = PushHealth(sink, meter.Id, false, port, out pushing);
            SmlPushReader reader = new SmlPushReader(pushing, new SmlFileDecoder(new SmlDecoderOptions()), pushed, new SmlPushReaderOptions());
            PortHandle handle = new PortHandle("SML head " + options.PortName, port.Open, port.Close, delegate { return port.LastProblem; });
            new Thread(new ContinuousPortLoop(handle, reader, sink).Run).Start();
        }

        private static void StartOptical(MeterDefinition[] all, ConcentratorSettings settings, ReadingPublisher publisher)
        {
            MeterDefinition[] meters = Supported(all, MeterPort.Optical, MeterProtocol.Iec62056_21, MeterProtocol.Iec62056_21, publisher);
            if (meters.Length == 0)
            {
                return;
            }

            BoardProfile board = settings.Board;
            OpticalPortOptions options = new OpticalPortOptions();
            options.Variant = settings.OpticalHead;
            options.PortName = board.ComPortName(UartRole.Optical);
            options.RxPin = board.Pin(BoardFunction.OpticalRx);
            options.TxPin = board.Pin(BoardFunction.OpticalTx);
            options.CarrierPin = board.Pin(BoardFunction.OpticalCarrier);
            OpticalPort port = new OpticalPort(options);

            IecSessionOptions template = new IecSessionOptions();
            template.PortMaximumBaud = port.MaximumBaud;
            CapturingByteLink link = new CapturingByteLink(port, s_capture);
            IecSession session = new IecSession(link, new SystemMillisecondClock(), new IecMessageDecoder(new IecDecoderOptions()), new IecBaudMemory(meters.Length));
            IecMeterReader reader = new IecMeterReader(session, template);
            IMeterReader[] readers = new IMeterReader[meters.Length];
            for (int i = 0; i < meters.Length; i++)
            {
                readers[i] = new CapturingMeterReader(reader, s_capture, link); // one session, meters read one at a time
            }

            string name = "optical port " + options.PortName;
            StartPolled(new PortHandle(name, port.Open, port.Close, delegate { return port.LastProblem; }), meters, readers, OpticalSchedule(), publisher, name);
        }

        private static void StartRs485(MeterDefinition[] all, ConcentratorSettings settings, ReadingPublisher publisher)
        {
            MeterDefinition[] meters = Supported(all, MeterPort.Rs485, MeterProtocol.DlmsHdlc, MeterProtocol.DlmsHdlc, publisher);
            if (meters.Length == 0)
            {
                return;
            }

            BoardProfile board = settings.Board;
            Rs485PortOptions options = new Rs485PortOptions();
            options.PortName = board.ComPortName(UartRole.Rs485);
            options.RxPin = board.Pin(BoardFunction.Rs485Rx);
            options.TxPin = board.Pin(BoardFunction.Rs485Tx);
            options.DirectionPin = board.Pin(BoardFunction.Rs485DriverEnable);
            Rs485Port port = new Rs485Port(options);
            CapturingByteLink captured = new CapturingByteLink(port, s_capture);
            MeterBusArbiter bus = new MeterBusArbiter(captured, new SystemMillisecondClock(), new HdlcSessionOptions());

            // Core's DlmsBusReaders: the meters share one reading set and, per password, one client with its scratch.
            // Meters whose address, objects or place on the bus cannot be used are reported and left out.
            DlmsBusReaders busReaders = new DlmsBusReaders(bus, meters.Length);
            IMeterReader[] readers = new IMeterReader[meters.Length];
            int kept = 0;
            for (int i = 0; i < meters.Length; i++)
            {
                MeterDefinition meter = meters[i];
                MeterPublisher sink = publisher.Find(meter.Id);
                string problem;
                string link;
                IMeterReader reader = busReaders.Add(meter, out problem, out link);
                if (reader == null)
                {
                    sink.ReportProblem(problem);
                    continue;
                }

                sink.Link = options.PortName + " " + link;
                meters[kept] = meter;
                // Only this meter's sessions are captured on the bus (CAPT).
                readers[kept++] = new CapturingMeterReader(reader, s_capture, captured);
            }

            string name = "RS485 bus " + options.PortName;
            StartPolled(new PortHandle(name, port.Open, port.Close, delegate { return port.LastProblem; }), meters, readers, kept, BusSchedule(), publisher, name);
        }

        /// <summary>
        /// Starts the first <paramref name="count"/> meters and readers (those that could be built; the others were
        /// reported) on a polled port; nothing when there are none.
        /// </summary>
        internal static void StartPolled(PortHandle handle, MeterDefinition[] meters, IMeterReader[] readers, int count, SchedulerOptions options, ReadingPublisher publisher, string name)
        {
            if (count == 0)
            {
                return;
            }

            if (count < meters.Length)
            {
                MeterDefinition[] scheduled = new MeterDefinition[count];
                IMeterReader[] scheduledReaders = new IMeterReader[count];
                Array.Copy(meters, scheduled, count);
                Array.Copy(readers, scheduledReaders, count);
                meters = scheduled;
                readers = scheduledReaders;
            }

            StartPolled(handle, meters, readers, options, publisher, name);
        }

        internal static void StartPolled(PortHandle handle, MeterDefinition[] meters, IMeterReader[] readers, SchedulerOptions options, ReadingPublisher publisher, string name)
        {
            MeterPublisher[] sinks = new MeterPublisher[meters.Length];
            MeterHealth[] health = new MeterHealth[meters.Length];
            string[] links = new string[meters.Length];
            for (int i = 0; i < meters.Length; i++)
            {
                sinks[i] = publisher.Find(meters[i].Id);
                if (sinks[i].Link.Length == 0)
                {
                    sinks[i].Link = name;
                }

                health[i] = s_health.Add(meters[i].Id);
                links[i] = sinks[i].Link;
            }

            // DIAG's health is kept before the publishers hear of each read (IEC readers say which link settings worked).
            IMeterReadSink sink = new MeterHealthSink(new ScheduledPortSink(sinks), health, links);
            PortScheduler scheduler = new PortScheduler(meters, readers, new SystemScheduleClock(), options, sink);
            RunningSchedulers.Add(scheduler);
            new Thread(new PolledPortLoop(handle, scheduler, sinks).Run).Start();
        }

        /// <summary>
        /// A continuous meter (P1, SML push; on a serial port or a TCP stream) reported to DIAG's health and CAPT: the sink
        /// to hand its reader, and in <paramref name="link"/> its port's link with the capture listening.
        /// </summary>
        /// <param name="dsmr">true: the reader hands DSMR telegrams; false: SML files</param>
        internal static PushMeterHealthSink PushHealth(MeterPublisher sink, string meterId, bool dsmr, IByteLink port, out IByteLink link)
        {
            PushMeterHealthSink pushed = new PushMeterHealthSink(dsmr ? sink : null, dsmr ? null : sink, s_health.Add(meterId), s_capture);
            pushed.Link = sink.Link;
            link = Pushing(port, meterId);
            return pushed;
        }

        /// <summary>A polled port's link with the capture listening, and its readers recording only their own meter's sessions.</summary>
        internal static IByteLink Captured(IByteLink port)
        {
            return new CapturingByteLink(port, s_capture);
        }

        internal static IMeterReader Captured(IMeterReader reader, IByteLink captured)
        {
            return new CapturingMeterReader(reader, s_capture, captured);
        }

        // A push port's link with the capture listening: the captured meter's session begins with its next bytes.
        private static IByteLink Pushing(IByteLink port, string meterId)
        {
            CapturingByteLink link = new CapturingByteLink(port, s_capture);
            link.ContinuousMeterId = meterId;
            return link;
        }

        // An IEC 62056-21 readout at 300 baud (the fallback) of a few KB takes a minute: the optical budget is wider.
        private static SchedulerOptions OpticalSchedule()
        {
            SchedulerOptions options = new SchedulerOptions();
            options.ReadBudgetMilliseconds = 90000;
            return options;
        }

        // A DLMS read is six or more HDLC exchanges (SNRM, AARQ, clock, GET, RLRQ, DISC), each bounded by the session's
        // (MaxRetries + 1) x ResponseTimeout = 6 s, and the read as a whole stops sending once its budget is used (it
        // ends at most one exchange and the release later). A meter's first read, which also learns its object list,
        // gets DlmsMeterPoller.FirstReadBudgetMilliseconds (60 s) once.
        private static SchedulerOptions BusSchedule()
        {
            SchedulerOptions options = new SchedulerOptions();
            options.ReadBudgetMilliseconds = 30000;
            return options;
        }

        // The meters of a port this firmware can read there (the protocol range given); the rest reported and left out.
        // Meters with interval 0 (push) cannot be polled and are reported too.
        private static MeterDefinition[] Supported(MeterDefinition[] meters, MeterPort port, MeterProtocol first, MeterProtocol last, ReadingPublisher publisher)
        {
            int count = 0;
            bool[] ok = new bool[meters.Length];
            for (int i = 0; i < meters.Length; i++)
            {
                MeterDefinition meter = meters[i];
                if (meter.Protocol < first || meter.Protocol > last)
                {
                    publisher.Find(meter.Id).ReportProblem("the " + PortPlan.Name(port) + " does not read " + meter.Protocol.ToString() + " meters in this firmware");
                }
                else if (meter.IntervalSeconds < 1)
                {
                    publisher.Find(meter.Id).ReportProblem("a polled meter needs INT of 1 s or more, not " + meter.IntervalSeconds.ToString());
                }
                else
                {
                    ok[i] = true;
                    count++;
                }
            }

            MeterDefinition[] supported = new MeterDefinition[count];
            count = 0;
            for (int i = 0; i < meters.Length; i++)
            {
                if (ok[i])
                {
                    supported[count++] = meters[i];
                }
            }

            return supported;
        }
    }
}
