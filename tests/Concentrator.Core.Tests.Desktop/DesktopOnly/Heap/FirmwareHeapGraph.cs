using System;
using System.Collections.Generic;
using System.Text;
using Concentrator.Core.Bus;
using Concentrator.Core.Commands;
using Concentrator.Core.Configuration;
using Concentrator.Core.Diagnostics;
using Concentrator.Core.Dlms;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Forwarding;
using Concentrator.Core.Hdlc;
using Concentrator.Core.Iec62056;
using Concentrator.Core.Io;
using Concentrator.Core.Json;
using Concentrator.Core.Meters;
using Concentrator.Core.Mqtt;
using Concentrator.Core.P1;
using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Scheduling.Readers;
using Concentrator.Core.Sml;
using Concentrator.Core.Tests.Commands;
using Concentrator.Core.Tests.Io;
using Concentrator.Core.Tests.P1;
using Concentrator.Core.Tests.Scheduling;
using Concentrator.Core.Tests.Sml;
using Concentrator.Core.Tests.TestSupport;
using Concentrator.Core.Timing;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly.Heap
{
    /// <summary>One line of the heap table: the objects a part of the firmware keeps for its lifetime.</summary>
    public sealed class HeapComponent
    {
        public HeapComponent(string name, object[] roots, int handBytes, string handNote)
        {
            Name = name;
            Roots = roots;
            HandBytes = handBytes;
            HandNote = handNote;
        }

        public string Name { get; }

        /// <summary>Core objects the model walks (counted once across the table: shared objects go to the first row).</summary>
        public object[] Roots { get; }

        /// <summary>App and Drivers objects the model cannot construct, estimated from their fields (see <see cref="AppSource"/>).</summary>
        public int HandBytes { get; }

        public string HandNote { get; }

        public int ModelBytes { get; set; }

        public int Total
        {
            get { return ModelBytes + HandBytes; }
        }
    }

    /// <summary>
    /// The firmware's long-lived object graph for a full configuration, built with the Core constructors and sizes the
    /// App uses (Program.cs, Ports/PortStarter.cs, Mqtt/MqttLink.cs, Publishing/*): the meter inventory, the command
    /// executor, the store-and-forward queue, the MQTT link's buffers, the reading publisher, one publisher per meter,
    /// and the four ports (P1, SML head, optical IEC 62056-21, RS485 bus of DLMS meters). App and Drivers objects are
    /// stand-ins here (test-assembly objects count zero) and are estimated by hand from their source.
    /// <para>
    /// This is the one place that lists the components: a feature that adds long-lived objects to the App adds a row
    /// in <see cref="Build"/> (its Core objects as roots, its App objects via <see cref="AppSource"/>).
    /// </para>
    /// </summary>
    public static class FirmwareHeapGraph
    {
        /// <summary>CAPT's buffer on the board (App/Commands/AppDiagnostics.CaptureBytes).</summary>
        public const int DiagnosticsCaptureBytes = 2048;

        // A capture's dump goes to the queue on the board; the model keeps only the capture's own objects.
        private sealed class DiscardedDump : ICaptureOutput
        {
            public void Publish(string meterId, byte[] dump, int length)
            {
            }
        }

        // The reader a CapturingMeterReader wraps is counted with its port; this one only fills the slot.
        private sealed class StandInReader : IMeterReader
        {
            public ReadingSet Readings => null!;

            public string LastError => string.Empty;

            public MeterReadStatus Read(MeterDefinition meter, int budgetMilliseconds) => MeterReadStatus.NotSupported;
        }

        public const string App = "firmware/Concentrator.App/";
        public const string Drivers = "firmware/Concentrator.Drivers/";

        /// <summary>RS485 password used by every bus meter (one DLMS client per distinct password on the bus).</summary>
        public const string BusPassword = "00000000";

        /// <summary>
        /// The objects configured for two of every three DLMS meters (energy in and out, power in and out, two voltages:
        /// OBJ holds at most 64 characters); every third meter has no OBJ, which reads every register it offers (up to
        /// the firmware's per-meter maximum).
        /// </summary>
        public const string BusObjects = "1-0:1.8.0,1-0:2.8.0,1-0:1.7.0,1-0:2.7.0,1-0:32.7.0,1-0:52.7.0";

        /// <summary>The meter inventory as the configuration file holds it: P1 plus <paramref name="busMeters"/> DLMS meters.</summary>
        public static string ConfigurationText(int busMeters)
        {
            return ConfigurationText(busMeters, false);
        }

        /// <summary>The inventory, with one DLMS meter behind the IEC 62056-47 wrapper on a TCP endpoint when <paramref name="tcp"/>.</summary>
        public static string ConfigurationText(int busMeters, bool tcp)
        {
            StringBuilder text = new StringBuilder();
            text.Append("wifi.ssid=MyNetwork\nwifi.password=a-long-wifi-passphrase\nmqtt.host=192.168.1.10\nmqtt.user=concentrator\nmqtt.password=broker-secret\n");
            text.Append("meter=ID=p1 PORT=P1 PROTO=DSMR INT=0\n");
            for (int i = 1; i <= busMeters; i++)
            {
                text.Append("meter=ID=bus-").Append(i.ToString("00")).Append(" PORT=485 PROTO=HDLC ADDR=1/").Append(1000 + i)
                    .Append(" MPWD=").Append(BusPassword).Append(" INT=900").Append(i % 3 == 0 ? string.Empty : " OBJ=" + BusObjects).Append('\n');
            }

            if (tcp)
            {
                text.Append("meter=ID=gw-1 PORT=TCP PROTO=WRAP ADDR=192.168.1.50:4059 MPWD=").Append(BusPassword).Append(" INT=900\n");
            }

            return text.ToString();
        }

        /// <summary>
        /// The components of a full configuration: <paramref name="busMeters"/> DLMS meters on the RS485 bus, one
        /// optical IEC 62056-21 meter, P1 and the SML head. (No board grants all four UARTs and the inventory holds 32
        /// meters: the configuration row holds P1 and the bus meters, the optical and SML meters are counted with their
        /// ports; the total is an upper bound of what a board runs.)
        /// </summary>
        public static List<HeapComponent> Build(int busMeters)
        {
            return Build(busMeters, true, true);
        }

        /// <summary>
        /// The components of P1 plus <paramref name="busMeters"/> DLMS meters on the RS485 bus (none: no bus), with the
        /// optical and SML ports when asked. P1 with the bus is what one board runs (P1 on COM2, the bus on COM3).
        /// </summary>
        public static List<HeapComponent> Build(int busMeters, bool optical, bool smlHead)
        {
            return Build(busMeters, optical, smlHead, false);
        }

        /// <summary>As above, with one TCP endpoint (a DLMS meter behind the IEC 62056-47 wrapper) when <paramref name="tcp"/>.</summary>
        public static List<HeapComponent> Build(int busMeters, bool optical, bool smlHead, bool tcp)
        {
            List<HeapComponent> rows = new List<HeapComponent>();
            ManualClock clock = new ManualClock();
            FakeRuntime runtime = new FakeRuntime();

            // Settings, the command executor and the configuration it keeps (Program.Main).
            StandInStorage storage = new StandInStorage(ConfigurationText(busMeters, tcp));
            ConfigurationStore store = new ConfigurationStore(storage, StandInStorage.Name);
            ConfigurationLoad load = store.Load();
            ConcentratorConfiguration configuration = load.Configuration;
            if (load.ValidationProblem != null || configuration.MeterCount != busMeters + 1 + (tcp ? 1 : 0))
            {
                throw new InvalidOperationException("the model's configuration does not load: " + load.ValidationProblem + ", meters " + configuration.MeterCount
                    + ", " + (load.ProblemCount > 0 ? load.Problem(0) : "no problem reported"));
            }

            CommandExecutor commands = new CommandExecutor(store, configuration, clock, runtime, null, runtime);
            rows.Add(new HeapComponent("configuration (" + configuration.MeterCount + " meters) + command executor",
                new object[] { load, store, commands, new Reconfiguration(configuration) },
                AppSource.ObjectBytes(App + "Settings/ConcentratorSettings.cs") + SettingsStrings(configuration)
                    + AppSource.ObjectBytes(App + "Commands/AppDiagnostics.cs") + AppSource.ObjectBytes(App + "Commands/AppCommandEffects.cs")
                    + AppSource.ObjectBytes(App + "Settings/FlashConfigurationStorage.cs"),
                "ConcentratorSettings (fields + the strings it copies), AppDiagnostics, AppCommandEffects (its Reconfiguration and RestartPlanner in the model), FlashConfigurationStorage"));

            // Store-and-forward queue (Program.OpenQueue) and the MQTT link's buffers (MqttLink).
            int maxRecord = configuration.PayloadBytes + 270;
            ForwardQueue queue = new ForwardQueue(new SegmentedBlockStore(new StandInSegmentFiles(48, 4096)), maxRecord);
            rows.Add(new HeapComponent("store-and-forward queue", new object[] { queue },
                AppSource.ObjectBytes(App + "Forwarding/FlashSegmentFiles.cs") + FileStreamBytes + AppSource.ObjectBytes(App + "Forwarding/ForwardLoop.cs"),
                "FlashSegmentFiles and its open FileStream, ForwardLoop"));

            string prefix = configuration.TopicPrefix;
            string device = configuration.DeviceId;
            string statusTopic = Runtime(MqttTopics.Status(prefix, device));
            object[] mqttParts =
            {
                new QueuedMessage(queue.MaxRecordBytes), new ReplayPacer(20, 5), new JsonWriter(1024), new StatusReport(), new StatusSchedule(),
                new ConcentratorStatus(), new CommandTopicBridge(commands, 512),
                statusTopic, Runtime(MqttTopics.Command(prefix, device)), Runtime(MqttTopics.CommandReply(prefix, device)),
                Runtime(MqttTopics.DeviceInfo(prefix, device)), Runtime(MqttTopics.HomeAssistantStatus(MqttTopics.HomeAssistantPrefix)),
            };
            rows.Add(new HeapComponent("MQTT link (buffers, topics, status schedule)", mqttParts,
                AppSource.ObjectBytes(App + "Mqtt/MqttLink.cs") + 2 * AutoResetEventBytes + 2 * NanoHeapModel.Block
                    + Array(2, MqttLinkUnacknowledged) + Array(4, MqttLinkUnacknowledged) + Array(2, MqttLinkDiscoveryUnacknowledged),
                "MqttLink, its two AutoResetEvents and two lock objects, message id, sequence and discovery id arrays"));

            // The compact queue records made JSON again when sent (MqttLink's QueuedMessageRenderer: a reading set of
            // settings.CompactReadings readings, a JSON buffer of the payload size, the record codec, cached topics).
            JsonWriter payload = new JsonWriter(configuration.PayloadBytes); // MqttLink's, shared by the renders and ReadingPublisher's size check
            QueuedMessageRenderer renderer = new QueuedMessageRenderer(prefix, device, CompactReadings, configuration.PayloadBytes, payload);
            RenderCompactRecords(renderer, busMeters, configuration.PayloadBytes);
            rows.Add(new HeapComponent("compact queue records (renderer)", new object[] { renderer }, 0, string.Empty));

            // One JSON writer for every reading payload (ReadingPublisher) and one publisher per meter.
            rows.Add(new HeapComponent("reading publisher (payload buffer)", new object[] { payload, new ReadingJsonFormatter(), new ReadingRecordCodec(), new byte[CompactRecordBytes] },
                AppSource.ObjectBytes(App + "Publishing/ReadingPublisher.cs") + Array(NanoHeapModel.Block, ConcentratorConfiguration.MaxMeters + 1) + NanoHeapModel.Block,
                "ReadingPublisher, its MeterPublisher[] and lock object"));

            int meterCount = busMeters + 1 + (optical ? 1 : 0) + (smlHead ? 1 : 0);
            meterCount += tcp ? 1 : 0;
            List<object> meterParts = new List<object>();
            string[] meterIds = new string[meterCount];
            string[] readingsTopics = new string[meterCount];
            for (int i = 0; i < meterCount; i++)
            {
                string id = i == 0 ? "p1" : i <= busMeters ? "bus-" + i.ToString("00") : i == busMeters + 1 && optical ? "opto-1"
                    : tcp && i == meterCount - 1 ? "gw-1" : "sml";
                meterIds[i] = id;
                readingsTopics[i] = Runtime(MqttTopics.Readings(prefix, device, id));
                meterParts.Add(readingsTopics[i]);
                meterParts.Add(Runtime(MqttTopics.MeterError(prefix, device, id)));
                meterParts.Add(new ReportThrottle(configuration.ReportIntervalSeconds * 1000L));
                if (i == 0 || i > busMeters)
                {
                    meterParts.Add(Runtime("COM2 115200 8N1")); // MeterPublisher.Link of a port's only meter
                }
            }

            rows.Add(new HeapComponent("meter publishers (" + meterCount + ")", meterParts.ToArray(),
                meterCount * AppSource.ObjectBytes(App + "Publishing/MeterPublisher.cs"),
                "MeterPublisher per meter"));

            // Home Assistant discovery (MqttLink's HomeAssistantAnnouncements): each meter's record after its readings.
            HomeAssistantAnnouncements discovery = new HomeAssistantAnnouncements(MqttTopics.HomeAssistantPrefix, device, statusTopic, ConcentratorConfiguration.MaxMeters + 1);

            // P1 (PortStarter.StartP1).
            DsmrTelegramDecoder dsmr = new DsmrTelegramDecoder(new DsmrDecoderOptions());
            FeedDsmr(dsmr);
            P1PortReader p1 = new P1PortReader(new ScriptedByteLink(new object[0]), dsmr, new RecordingTelegramSink(), new P1ReaderOptions());
            rows.Add(new HeapComponent("P1 port (DSMR decoder)", new object[] { p1 }, PortDriverBytes(Drivers + "P1/P1Port.cs"),
                "P1Port, SerialPort, PortHandle and its delegates, ContinuousPortLoop, thread"));

            Observe(discovery, meterIds, readingsTopics, "p1", dsmr.Readings);
            if (smlHead)
            {
                rows.Add(SmlComponent(discovery, meterIds, readingsTopics));
            }

            if (optical)
            {
                rows.Add(OpticalComponent(clock, discovery, meterIds, readingsTopics));
            }

            // RS485 bus of DLMS meters (PortStarter.StartRs485).
            if (busMeters > 0)
            {
                rows.Add(BusComponent(configuration, busMeters, clock));
                for (int i = 1; i <= busMeters; i++)
                {
                    Observe(discovery, meterIds, readingsTopics, meterIds[i], BusMeterReadings(i % 3 != 0));
                }
            }

            if (tcp)
            {
                rows.Add(TcpComponent(configuration, clock));
                Observe(discovery, meterIds, readingsTopics, "gw-1", BusMeterReadings(false));
            }

            rows.Add(new HeapComponent("Home Assistant discovery records (" + meterCount + " meters)", new object[] { discovery }, 0, string.Empty));

            // DIAG and CAPT (AppDiagnostics, PortStarter): the health of every meter, the capture buffer, and per port the
            // capturing link, the health sink and each meter's capturing reader (the health objects after their first reads).
            MeterHealthTable health = new MeterHealthTable(Math.Max(ConcentratorConfiguration.MaxMeters, meterCount), clock); // the every-port bound has more meters than a configuration holds
            FrameCapture capture = new FrameCapture(DiagnosticsCaptureBytes, clock, new DiscardedDump(), FrameCapture.BoundFor(900));
            List<object> diagnosticsParts = new List<object> { health, capture };
            ScriptedByteLink port = new ScriptedByteLink(new object[0]);
            for (int i = 0; i < meterCount; i++)
            {
                MeterHealth meter = health.Add(meterIds[i]);
                meter.Reading(Runtime("9600 8N1 HDLC 1/17"));
                bool pushed = i == 0 || (smlHead && meterIds[i] == "sml");
                if (pushed)
                {
                    diagnosticsParts.Add(new PushMeterHealthSink(new RecordingTelegramSink(), null, meter, capture));
                    diagnosticsParts.Add(new CapturingByteLink(port, capture));
                }
                else
                {
                    diagnosticsParts.Add(new CapturingMeterReader(new StandInReader(), capture, port));
                }
            }

            int polledPorts = (busMeters > 0 ? 1 : 0) + (optical ? 1 : 0) + (tcp ? 1 : 0);
            for (int p = 0; p < polledPorts; p++)
            {
                diagnosticsParts.Add(new CapturingByteLink(port, capture));
            }

            rows.Add(new HeapComponent("diagnostics (DIAG health of " + meterCount + " meters, CAPT buffer)", diagnosticsParts.ToArray(),
                polledPorts * (NanoHeapModel.Block * 6), "MeterHealthSink per polled port (its arrays counted with the port's meters)"));
            return rows;
        }

        // SML head (PortStarter.StartSml).
        private static HeapComponent SmlComponent(HomeAssistantAnnouncements discovery, string[] ids, string[] topics)
        {
            SmlFileDecoder smlDecoder = new SmlFileDecoder(new SmlDecoderOptions());
            FeedSml(smlDecoder);
            Observe(discovery, ids, topics, "sml", smlDecoder.Readings);
            SmlPushReader sml = new SmlPushReader(new ScriptedByteLink(new object[0]), smlDecoder, new RecordingSmlSink(), new SmlPushReaderOptions());
            return new HeapComponent("SML head (SML decoder)", new object[] { sml, new SmlOpticalPortOptionsStandIn() }, PortDriverBytes(Drivers + "Sml/SmlOpticalPort.cs"),
                "SmlOpticalPort, SerialPort, PortHandle and its delegates, ContinuousPortLoop, thread");
        }

        // Optical IEC 62056-21 (PortStarter.StartOptical).
        private static HeapComponent OpticalComponent(ManualClock clock, HomeAssistantAnnouncements discovery, string[] ids, string[] topics)
        {
            MeterDefinition optical = new MeterDefinition();
            optical.Id = Runtime("opto-1");
            optical.Port = MeterPort.Optical;
            optical.Protocol = MeterProtocol.Iec62056_21;
            IecSessionOptions template = new IecSessionOptions();
            IecMessageDecoder iecDecoder = new IecMessageDecoder(new IecDecoderOptions());
            FeedIec(iecDecoder);
            Observe(discovery, ids, topics, "opto-1", iecDecoder.Readings);
            IecSession session = new IecSession(new ScriptedByteLink(new object[0]), clock, iecDecoder, new IecBaudMemory(1));
            IecMeterReader iecReader = new IecMeterReader(session, template);
            PortScheduler opticalScheduler = new PortScheduler(new[] { optical }, new IMeterReader[] { iecReader }, new FakeScheduleClock(10, 0, 0), new SchedulerOptions(), new RecordingReadSink());
            return new HeapComponent("optical port (IEC 62056-21)", new object[] { opticalScheduler, iecReader, optical },
                PortDriverBytes(Drivers + "Optical/OpticalPort.cs") + PolledLoopBytes(1),
                "OpticalPort, SerialPort, PortHandle and its delegates, PolledPortLoop, ScheduledPortSink, thread");
        }

        private static HeapComponent BusComponent(ConcentratorConfiguration configuration, int busMeters, ManualClock clock)
        {
            MeterBusArbiter bus = new MeterBusArbiter(new ScriptedByteLink(new object[0]), clock, new HdlcSessionOptions());
            DlmsBusReaders busReaders = new DlmsBusReaders(bus, busMeters);
            MeterDefinition[] meters = new MeterDefinition[busMeters];
            IMeterReader[] readers = new IMeterReader[busMeters];
            List<string> links = new List<string>();
            int kept = 0;
            for (int i = 0; i < configuration.MeterCount; i++)
            {
                MeterDefinition meter = configuration.Meter(i);
                if (meter.Port != MeterPort.Rs485)
                {
                    continue;
                }

                IMeterReader reader = busReaders.Add(meter, out string problem, out string link);
                if (reader == null)
                {
                    throw new InvalidOperationException(meter.Id + ": " + problem);
                }

                links.Add(Runtime("COM3 " + link)); // MeterPublisher.Link
                meters[kept] = meter;
                readers[kept++] = reader;
            }

            // A bus read yields at most the meter's objects and its clock: the shared set's readings after the first reads.
            for (int i = 0; i <= DlmsBusReaders.MaxObjects; i++)
            {
                busReaders.Readings.Add();
            }

            PortScheduler scheduler = new PortScheduler(meters, readers, new FakeScheduleClock(10, 0, 0), new SchedulerOptions(), new RecordingReadSink());
            return new HeapComponent("RS485 bus (" + busMeters + " DLMS meters)", new object[] { scheduler, bus, busReaders, links.ToArray() },
                PortDriverBytes(Drivers + "Rs485/Rs485Port.cs") + PolledLoopBytes(busMeters),
                "Rs485Port, SerialPort, PortHandle and its delegates, PolledPortLoop, ScheduledPortSink, thread");
        }

        // A TCP endpoint (TcpPortStarter.StartEndpoint): the socket link, the endpoint's readers, its scheduler and thread.
        private static HeapComponent TcpComponent(ConcentratorConfiguration configuration, ManualClock clock)
        {
            MeterDefinition[] all = new MeterDefinition[configuration.MeterCount];
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = configuration.Meter(i);
            }

            TcpEndpointPlan plan = TcpEndpointPlan.From(all, all.Length);
            if (plan.Count != 1)
            {
                throw new InvalidOperationException("the model's TCP meter is not planned: " + plan.Describe());
            }

            TcpEndpoint endpoint = plan[0];
            MeterDefinition[] meters = endpoint.Meters();
            IMeterReader[] readers = new IMeterReader[meters.Length];
            TcpEndpointReaders shared = new TcpEndpointReaders(new ScriptedByteLink(new object[0]), clock, new FakeScheduleClock(10, 0, 0), new BoardReaderOptions(), meters.Length);
            for (int i = 0; i < meters.Length; i++)
            {
                readers[i] = shared.ReaderFor(meters[i]);
            }

            PortScheduler scheduler = new PortScheduler(meters, readers, new FakeScheduleClock(10, 0, 0), new SchedulerOptions(), new RecordingReadSink());
            return new HeapComponent("TCP endpoint (" + endpoint.Name + ", " + meters.Length + " wrapper meter)", new object[] { plan, scheduler, shared, readers },
                AppSource.ObjectBytes(Drivers + "Net/SocketByteLink.cs") + SocketBytes + AppSource.ObjectBytes(App + "Ports/PortHandle.cs")
                    + 3 * NanoHeapModel.DelegateBytes + ThreadBytes + AppSource.ObjectBytes(App + "Ports/PolledPortLoop.cs")
                    + AppSource.ObjectBytes(App + "Publishing/ScheduledPortSink.cs") + 2 * Array(NanoHeapModel.Block, meters.Length),
                "SocketByteLink and its Socket, PortHandle and its delegates, PolledPortLoop, ScheduledPortSink, thread");
        }

        private static void Observe(HomeAssistantAnnouncements discovery, string[] ids, string[] topics, string id, ReadingSet set)
        {
            int index = System.Array.IndexOf(ids, id);
            discovery.Observe(ids[index], topics[index], set);
        }

        /// <summary>
        /// A DLMS bus meter's readings: the six configured objects (energy in and out, power in and out, two voltages) or,
        /// without OBJ, the first <see cref="DlmsBusReaders.MaxObjects"/> registers of a typical three-phase meter.
        /// </summary>
        public static ReadingSet BusMeterReadings(bool configured)
        {
            ReadingSet all = Tests.Readings.ReadingSamples.DlmsTwenty();
            ReadingSet set = new ReadingSet(DlmsBusReaders.MaxObjects + 1, 512);
            set.Protocol = all.Protocol;
            set.HasTime = true;
            set.Time = all.Time;
            for (int i = 0; i < all.Count && set.Count < DlmsBusReaders.MaxObjects; i++)
            {
                Reading reading = all[i];
                string obis = reading.Obis.C + "." + reading.Obis.D + "." + reading.Obis.E;
                if (configured && System.Array.IndexOf(new[] { "1.8.0", "2.8.0", "1.7.0", "2.7.0", "32.7.0", "52.7.0" }, obis) < 0)
                {
                    continue;
                }

                Tests.Readings.ReadingSamples.Add(set, reading.Obis.A, reading.Obis.B, reading.Obis.C, reading.Obis.D, reading.Obis.E, reading.Mantissa, reading.Exponent,
                    reading.UnitLength == 0 ? null : all.GetText(reading.UnitStart, reading.UnitLength));
            }

            return set;
        }

        // What the renderer keeps after sending compact records: the meters' ids and topics (cached) and the readings of
        // the largest set (made on first use). Every meter's record goes through a queue and the renderer once.
        private static void RenderCompactRecords(QueuedMessageRenderer renderer, int busMeters, int payloadBytes)
        {
            ForwardQueue queue = new ForwardQueue(new MemoryBlockStore(64 * 1024), payloadBytes + 270);
            queue.Open();
            byte[] record = new byte[CompactRecordBytes];
            QueuedMessage message = new QueuedMessage(queue.MaxRecordBytes);
            for (int i = 0; i <= busMeters; i++)
            {
                ReadingSet set = i == 0 ? Tests.Readings.ReadingSamples.DsmrE350() : BusMeterReadings(i % 3 != 0);
                string id = i == 0 ? "p1" : "bus-" + i.ToString("00");
                if (new ReadingRecordCodec().Encode(id, set, Tests.Readings.ReadingSamples.Received, record, 0, record.Length, out int length) != ReadingRecordStatus.Ok
                    || queue.EnqueueRecord(QueuedRecordKind.ReadingSet, record, 0, length, 1, false) != QueueStatus.Ok
                    || queue.TryReadNext(message) != QueueStatus.Ok || !renderer.Render(message) || !queue.Acknowledge(message.Sequence))
                {
                    throw new InvalidOperationException("a compact record of " + id + " did not go through: " + renderer.Problem);
                }
            }
        }

        /// <summary>ReadingPublisher.CompactRecordBytes (App): the buffer a reading set is encoded into.</summary>
        public const int CompactRecordBytes = 1024;

        /// <summary>ConcentratorSettings.CompactReadings (App): the renderer's reading set.</summary>
        public const int CompactReadings = 40;

        /// <summary>MqttLink.MaxUnacknowledged and MaxDiscoveryUnacknowledged (App).</summary>
        public const int MqttLinkUnacknowledged = 8;

        public const int MqttLinkDiscoveryUnacknowledged = 4;

        /// <summary>A FileStream's managed object (its buffer is native): an estimate, like the SerialPort.</summary>
        public const int FileStreamBytes = 10 * NanoHeapModel.Block;

        /// <summary>A System.Net Socket's managed object (the lwIP buffers are native): an estimate.</summary>
        public const int SocketBytes = 10 * NanoHeapModel.Block;

        // The readings a P1 port keeps after traffic: the test suite's DSMR 4.2 to 5.0 telegrams with a good CRC (NL, BE, LU, SE).
        private static void FeedDsmr(DsmrTelegramDecoder decoder)
        {
            string[] telegrams =
            {
                Tests.Dsmr.DsmrTelegrams.LandisGyrE350Dsmr42, Tests.Dsmr.DsmrTelegrams.IskraAm550Dsmr50,
                Tests.Dsmr.DsmrTelegrams.BelgianEmucs, Tests.Dsmr.DsmrTelegrams.SwedishH1, Tests.Dsmr.DsmrTelegrams.LuxembourgSmarty,
            };
            foreach (string telegram in telegrams)
            {
                byte[] data = TestSupport.Ascii.Bytes(telegram);
                int position = 0;
                int ready = 0;
                DsmrStatus status;
                while ((status = Tests.Dsmr.DsmrFeed.Next(decoder, data, ref position, 64)) != DsmrStatus.NeedMoreData)
                {
                    ready += status == DsmrStatus.TelegramReady ? 1 : 0;
                }

                if (ready != 1)
                {
                    throw new InvalidOperationException("a sample telegram did not decode: " + decoder.LastError);
                }
            }
        }

        // The readings an SML head keeps after traffic: the test suite's eHZ and E750 files.
        private static void FeedSml(SmlFileDecoder decoder)
        {
            foreach (string file in new[] { Tests.Sml.SmlFiles.EhzFile, Tests.Sml.SmlFiles.E750File })
            {
                SmlStatus status = Tests.Sml.SmlFeed.DecodeOne(decoder, Tests.Sml.SmlFeed.Hex(file));
                if (status != SmlStatus.FileReady)
                {
                    throw new InvalidOperationException("a sample SML file did not decode: " + status);
                }
            }
        }

        // The readings an optical port keeps after traffic: the test suite's Landis+Gyr ZMD readout.
        private static void FeedIec(IecMessageDecoder decoder)
        {
            byte[] data = Tests.Iec62056.IecFrames.Readout(Tests.Iec62056.IecFrames.LandisGyrIdentification, Tests.Iec62056.IecFrames.LandisGyrData);
            int position = 0;
            int ready = 0;
            IecStatus status;
            while ((status = Tests.Iec62056.IecFrames.Next(decoder, data, ref position, 64)) != IecStatus.NeedMoreData)
            {
                ready += status == IecStatus.ReadoutReady ? 1 : 0;
            }

            if (ready != 1)
            {
                throw new InvalidOperationException("the sample readout did not decode");
            }
        }

        /// <summary>Managed part of a nanoFramework thread and its delegate (the stack frames are counted in the reserve).</summary>
        public const int ThreadBytes = 6 * NanoHeapModel.Block + NanoHeapModel.DelegateBytes;

        /// <summary>An AutoResetEvent (WaitHandle with its native handle field).</summary>
        public const int AutoResetEventBytes = 3 * NanoHeapModel.Block;

        /// <summary>System.IO.Ports.SerialPort's managed object (its receive buffer is native, outside the managed heap): an estimate.</summary>
        public const int SerialPortBytes = 20 * NanoHeapModel.Block;

        /// <summary>A port driver, its SerialPort, the PortHandle with its three delegates and name, the loop's thread.</summary>
        private static int PortDriverBytes(string driverSource)
        {
            return AppSource.ObjectBytes(driverSource) + SerialPortBytes + AppSource.ObjectBytes(App + "Ports/PortHandle.cs")
                + 3 * NanoHeapModel.DelegateBytes + NanoHeapModel.RoundUp(NanoHeapModel.Block + 24) + ThreadBytes
                + AppSource.ObjectBytes(App + "Ports/ContinuousPortLoop.cs");
        }

        /// <summary>PolledPortLoop (instead of a continuous one: same order of size) plus ScheduledPortSink and its sinks array.</summary>
        private static int PolledLoopBytes(int meters)
        {
            return AppSource.ObjectBytes(App + "Ports/PolledPortLoop.cs") - AppSource.ObjectBytes(App + "Ports/ContinuousPortLoop.cs")
                + AppSource.ObjectBytes(App + "Publishing/ScheduledPortSink.cs") + 2 * Array(NanoHeapModel.Block, meters);
        }

        /// <summary>Bytes of an array of <paramref name="count"/> elements of <paramref name="elementSize"/> bytes.</summary>
        public static int Array(int elementSize, int count)
        {
            return NanoHeapModel.RoundUp(NanoHeapModel.ArrayHeader + elementSize * count);
        }

        // The strings ConcentratorSettings copies from the configuration (runtime strings, each its own heap item).
        private static int SettingsStrings(ConcentratorConfiguration configuration)
        {
            string[] values = { configuration.DeviceId, configuration.TopicPrefix, "MyNetwork", "a-long-wifi-passphrase", "192.168.1.10", "concentrator", "broker-secret", "I:\\queue.bin" };
            int bytes = 0;
            foreach (string value in values)
            {
                bytes += NanoHeapModel.RoundUp(NanoHeapModel.Block + Encoding.UTF8.GetByteCount(value) + 1);
            }

            return bytes;
        }

        // A copy that is not interned: built at run time on the device (topics, ids parsed from the configuration).
        private static string Runtime(string text)
        {
            return new string(text.ToCharArray());
        }

        /// <summary>Configuration storage holding one hand-written file.</summary>
        private sealed class StandInStorage : IConfigurationStorage
        {
            public const string Name = "concentrator.conf";
            private readonly byte[] _data;

            public StandInStorage(string text)
            {
                _data = Encoding.UTF8.GetBytes(text);
            }

            public byte[] Read(string name)
            {
                return name == Name ? (byte[])_data.Clone() : null;
            }

            public bool Write(string name, byte[] data, int count)
            {
                return true;
            }

            public bool Move(string from, string to)
            {
                return true;
            }

            public void Delete(string name)
            {
            }
        }

        /// <summary>The queue's segment files on the flash (App FlashSegmentFiles, estimated by hand).</summary>
        private sealed class StandInSegmentFiles : ISegmentFiles
        {
            public StandInSegmentFiles(int count, int bytes)
            {
                SegmentCount = count;
                SegmentBytes = bytes;
            }

            public int SegmentCount { get; }

            public int SegmentBytes { get; }

            public void Read(int segment, int offset, byte[] buffer, int index, int count)
            {
                System.Array.Clear(buffer, index, count);
            }

            public void Write(int segment, int offset, byte[] buffer, int index, int count)
            {
            }

            public void Flush()
            {
            }
        }

        private sealed class SmlOpticalPortOptionsStandIn
        {
        }
    }
}
