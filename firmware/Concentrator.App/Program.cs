using System;
using System.IO;
using System.Threading;
using Concentrator.Drivers.Timing;
using Concentrator.App.Commands;
using Concentrator.App.Mqtt;
using Concentrator.App.Network;
using Concentrator.App.Ports;
using Concentrator.App.Publishing;
using Concentrator.App.Settings;
using Concentrator.App.Status;
using Concentrator.Core.Boards;
using Concentrator.Core.Status;
using Concentrator.App.Forwarding;
using Concentrator.Core.Commands;
using Concentrator.Core.Configuration;
using Concentrator.Core.Forwarding;
using Concentrator.Core.Meters;
using Concentrator.Core.Timing;
using Concentrator.Drivers.Leds;

namespace Concentrator.App
{
    /// <summary>
    /// Loads the settings, builds the object graph, starts one thread per port the meter inventory needs and the board
    /// can serve (P1, optical head, RS485 bus, SML head: see Ports/PortPlan), and keeps the network (Wi-Fi or Ethernet,
    /// from the board profile) and the broker connected on the main thread.
    /// </summary>
    public static class Program
    {
        /// <summary>How often the main thread logs the counters while the connection is up.</summary>
        private const int HeartbeatMilliseconds = 60000;

        public static void Main()
        {
            Log.Info("meter data concentrator starting");
            ConfigurationStore store = SettingsFile.CreateStore();
            ConfigurationLoad load = SettingsFile.Load(store);
            ConcentratorSettings settings = ConcentratorSettings.From(load.Configuration);
            string boardProblem = settings.Validate();
            Log.Info("settings: " + settings.Describe());
            StatusLedLoop status = StartStatusLeds(settings);

            // Text commands start first: an installer can fix a configuration that cannot run by SMS.
            AppDiagnostics diagnostics = new AppDiagnostics(load.Configuration, settings);
            // A saved change reconfigures the running board (live, new broker session or a controlled restart).
            string problem = load.ValidationProblem != null ? load.ValidationProblem : boardProblem;
            AppCommandEffects effects = new AppCommandEffects(settings, load.Configuration, new SystemMillisecondClock());
            effects.WaitingForSettings = problem != null;
            effects.Start();
            CommandExecutor commands = new CommandExecutor(store, load.Configuration, new SystemMillisecondClock(), diagnostics, diagnostics.Capture, effects);
            StartSmsCommands(settings, commands);

            if (problem != null)
            {
                status.State = DeviceState.SettingsProblem;
                WaitForever("settings: " + problem + "; edit " + ConcentratorSettings.FilePath + " (or send MCP commands: the board restarts 20 s after the change that completes it)");
            }

            ForwardQueue queue = OpenQueue(settings);
            MqttLink mqtt = new MqttLink(settings, queue);
            mqtt.CommandHandler = commands;
            mqtt.DefaultPassword = load.Configuration.UsesDefaultPassword;
            effects.Mqtt = mqtt;
            mqtt.Configuration = commands;
            mqtt.Diagnostics = diagnostics;
            new Thread(new Forwarding.ForwardLoop(mqtt).Run).Start();

            // The ports the meter inventory needs, checked against the board's UARTs before anything is opened.
            PortPlan plan = PortPlan.From(load.Configuration, settings);
            Log.Info("board: " + settings.Board.Name + " (" + settings.Board.Board + "); ports: " + plan.Describe());
            WarnAboutHeap(settings.Board, plan);
            ReadingPublisher publisher = new ReadingPublisher(mqtt, settings);
            status.Publisher = publisher;
            MeterPublisher p1 = PortStarter.StartAll(plan, settings, publisher, diagnostics.Health, diagnostics.Capture);
            diagnostics.Attach(mqtt, publisher, p1);

            NetworkConnection network;
            InterfaceAddress address = new InterfaceAddress(load.Configuration);
            WarnAboutNetworkMode(load.Configuration.Network, settings.Board.Network);
            if (settings.Board.Network == BoardNetwork.Ethernet)
            {
                network = new EthernetConnection(settings.WifiTimeoutSeconds, address);
            }
            else
            {
                network = new WifiConnection(settings.WifiSsid, settings.WifiPassword, settings.WifiTimeoutSeconds, address);
            }

            diagnostics.Network = network;
            KeepConnected(network, mqtt, publisher, status, diagnostics);
        }

        // The board's PSRAM and heap, a PSRAM board flashed with an image that leaves its PSRAM unused, and a configuration
        // whose modelled heap exceeds what the board leaves the app (hardware/README.md: which board for how many meters).
        private static void WarnAboutHeap(BoardProfile board, PortPlan plan)
        {
            Log.Info("board memory: " + BoardMemory.Describe(board));
            string image = BoardMemory.ImageProblem(board, nanoFramework.Runtime.Native.GC.Run(false));
            if (image != null)
            {
                Log.Warn(image);
            }

            int busMeters = plan.Runs(MeterPort.Rs485) ? plan.Meters(MeterPort.Rs485).Length : 0;
            string advice = BoardMemory.Advice(board, plan.Runs(MeterPort.P1), plan.Runs(MeterPort.Optical), plan.Runs(MeterPort.SmlPush), busMeters);
            if (advice != null)
            {
                Log.Warn("heap: " + advice);
            }
        }

        // The board profile says which network hardware there is; net.mode (NET MODE=) is what the installer asked for.
        private static void WarnAboutNetworkMode(NetworkMode mode, BoardNetwork board)
        {
            if (mode == NetworkMode.Gsm)
            {
                Log.Warn("net.mode=gsm: this platform carries no IP over the modem (no PPP in nanoFramework's ESP32 firmware); using the board's "
                    + (board == BoardNetwork.Ethernet ? "Ethernet" : "Wi-Fi") + ". APN/DUSR/DPWD are stored and reported only");
            }
            else if ((mode == NetworkMode.Ethernet) != (board == BoardNetwork.Ethernet))
            {
                Log.Warn("net.mode=" + ConcentratorConfiguration.NetworkModeName(mode) + " but the board profile has "
                    + (board == BoardNetwork.Ethernet ? "Ethernet" : "Wi-Fi") + ": using the board's (set board= to change it)");
            }
        }

        // The LEDs of the chosen board, or of the default board when the settings named none that exists.
        private static StatusLedLoop StartStatusLeds(ConcentratorSettings settings)
        {
            BoardProfile board = settings.Board != null ? settings.Board : BoardProfiles.Find(BoardProfiles.DefaultName);
            StatusLeds leds = new StatusLeds(board);
            if (leds.LastProblem != null)
            {
                Log.Warn(leds.LastProblem);
            }

            StatusLedLoop status = new StatusLedLoop(leds);
            new Thread(status.Run).Start();
            return status;
        }

        private static void StartSmsCommands(ConcentratorSettings settings, CommandExecutor commands)
        {
            if (!settings.HasModem)
            {
                return;
            }

            try
            {
                SmsCommandLoop loop = new SmsCommandLoop(settings, commands, new SystemMillisecondClock());
                new Thread(loop.Run).Start();
            }
            catch (ArgumentException ex)
            {
                Log.Error("SMS commands off: modem settings: " + ex.Message);
            }
        }

        // Joins the network, connects to the broker and reconnects after every drop, pausing longer after each failure.
        private static void KeepConnected(NetworkConnection network, MqttLink mqtt, ReadingPublisher publisher, StatusLedLoop status, AppDiagnostics diagnostics)
        {
            RetryBackoff backoff = new RetryBackoff(2000, 120000);
            while (true)
            {
                diagnostics.Tick();
                if (!mqtt.IsConnected)
                {
                    status.State = network.IsJoined ? DeviceState.NoBroker : DeviceState.NoNetwork;
                    if (!network.IsJoined && !network.Join())
                    {
                        Thread.Sleep(backoff.NextDelay());
                        continue;
                    }

                    status.State = DeviceState.NoBroker;
                    if (!mqtt.Connect())
                    {
                        int delay = backoff.NextDelay();
                        if (backoff.Failures % 3 == 0)
                        {
                            // Three broker failures in a row: make sure the network is still the one we joined.
                            network.MarkSuspect();
                        }

                        Log.Info("MQTT: next attempt in " + (delay / 1000).ToString() + " s");
                        Thread.Sleep(delay);
                        continue;
                    }

                    backoff.Reset();
                    status.State = DeviceState.Running;
                }

                if (!mqtt.WaitForConnectionLost(HeartbeatMilliseconds))
                {
                    Log.Info(publisher.Summary());
                }
            }
        }

        // The store-and-forward queue on the internal flash; a damaged or missing file system leaves a RAM queue (which
        // survives reconnects, not reboots) and says so. On the internal flash (littlefs, I:\) the queue lives in 4 KiB
        // segment files in the folder <queue.file>.d: a write then copies at most one flash block, where a single large
        // file copied half of itself (Concentrator.Core/Forwarding/README.md, "Flash budget, capacity and wear"). A single
        // queue file an earlier firmware left at queue.file is used as it is until it is empty, then deleted. Elsewhere
        // (an SD card, FAT, writes in place) the queue is the single file.
        private static ForwardQueue OpenQueue(ConcentratorSettings settings)
        {
            int maxRecord = settings.PayloadBytes + 270;
            string path = settings.QueueFile;
            ForwardQueue queue;
            try
            {
                IBlockStore store;
                if (OnInternalFlash(path) && !OldQueueWaits(path, maxRecord))
                {
                    path = path + ".d";
                    store = new SegmentedBlockStore(new FlashSegmentFiles(path, settings.QueueBytes));
                }
                else
                {
                    FlashBlockStore file = new FlashBlockStore(path, OnInternalFlash(path) ? ForwardQueue.HeaderBytes * 2 : settings.QueueBytes);
                    if (file.Capacity != settings.QueueBytes)
                    {
                        Log.Warn("queue " + path + " is " + file.Capacity.ToString() + " bytes, queue.bytes says " + settings.QueueBytes.ToString()
                            + ": kept so that its messages are sent");
                    }

                    store = file;
                }

                queue = new ForwardQueue(store, maxRecord);
                QueueOpenResult result = queue.Open();
                Log.Info("queue " + path + ": " + (result == QueueOpenResult.Recovered ? "recovered" : result == QueueOpenResult.Created ? "created" : "replaced")
                    + (queue.OpenProblem == null ? "" : " (" + queue.OpenProblem + ")") + ", " + queue.Count.ToString() + " message(s) waiting, "
                    + queue.Dropped.ToString() + " dropped so far");
                return queue;
            }
            catch (Exception ex)
            {
                Log.Error("queue " + path + " unusable (" + ex.Message + "): readings are kept in RAM only until the broker takes them");
            }

            queue = new ForwardQueue(new MemoryBlockStore(32768), maxRecord < 8192 ? maxRecord : 8192);
            queue.Open();
            return queue;
        }

        private static bool OnInternalFlash(string path)
        {
            return path.Length >= 3 && (path[0] == 'I' || path[0] == 'i') && path[1] == ':';
        }

        // True when a single queue file of an earlier firmware holds messages (it is then used until a restart finds it
        // empty); an empty one is deleted to make room for the segments.
        private static bool OldQueueWaits(string path, int maxRecord)
        {
            if (!File.Exists(path))
            {
                return false;
            }

            int waiting;
            FlashBlockStore file = new FlashBlockStore(path, ForwardQueue.HeaderBytes * 2);
            try
            {
                ForwardQueue old = new ForwardQueue(file, maxRecord);
                old.Open();
                waiting = old.Count;
            }
            finally
            {
                file.Dispose();
            }

            if (waiting > 0)
            {
                Log.Warn("queue " + path + " (one file, from an earlier firmware) holds " + waiting.ToString()
                    + " message(s): used until it is empty; after a restart that finds it empty the queue moves to " + path + ".d");
                return true;
            }

            File.Delete(path);
            Log.Info("queue " + path + " (one file, from an earlier firmware) was empty and is deleted; the queue is in " + path + ".d");
            return false;
        }

        private static void WaitForever(string message)
        {
            while (true)
            {
                Log.Error(message);
                Thread.Sleep(60000);
            }
        }
    }
}
