using System;
using System.Threading;
using Concentrator.App.Commands;
using Concentrator.App.Mqtt;
using Concentrator.App.Network;
using Concentrator.App.P1;
using Concentrator.App.Settings;
using Concentrator.Core.Commands;
using Concentrator.Core.Configuration;
using Concentrator.Core.Dsmr;
using Concentrator.Core.P1;
using Concentrator.Core.Timing;
using Concentrator.Drivers.P1;

namespace Concentrator.App
{
    /// <summary>
    /// Milestone 1: one DSMR P1 meter to MQTT. Loads the settings, builds the object graph, starts the P1 thread and
    /// keeps Wi-Fi and the broker connected on the main thread.
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
            Log.Info("settings: " + settings.Describe());

            // Text commands start first: an installer can fix a configuration that cannot run by SMS.
            AppDiagnostics diagnostics = new AppDiagnostics();
            CommandExecutor commands = new CommandExecutor(store, load.Configuration, new TickClock(), diagnostics, null, new AppCommandEffects());
            StartSmsCommands(settings, commands);

            string problem = load.ValidationProblem != null ? load.ValidationProblem : settings.Validate();
            if (problem != null)
            {
                WaitForever("settings: " + problem + "; edit " + ConcentratorSettings.FilePath + " (or send MCP commands) and restart");
            }

            P1Port port;
            try
            {
                port = new P1Port(settings.ToP1PortOptions());
            }
            catch (ArgumentException ex)
            {
                WaitForever("P1 port settings: " + ex.Message);
                return;
            }

            MqttLink mqtt = new MqttLink(settings);
            P1TelegramPublisher publisher = new P1TelegramPublisher(mqtt, settings);
            diagnostics.Attach(mqtt, publisher, settings.P1MeterId, settings.P1LineSettingsToUse.ToString());
            P1PortReader reader = new P1PortReader(port, new DsmrTelegramDecoder(new DsmrDecoderOptions()), publisher, new P1ReaderOptions());
            P1ReadLoop p1 = new P1ReadLoop(port, reader, publisher);
            new Thread(p1.Run).Start();

            WifiConnection wifi = new WifiConnection(settings.WifiSsid, settings.WifiPassword, settings.WifiTimeoutSeconds);
            KeepConnected(wifi, mqtt, publisher);
        }

        private static void StartSmsCommands(ConcentratorSettings settings, CommandExecutor commands)
        {
            if (!settings.HasModem)
            {
                return;
            }

            try
            {
                SmsCommandLoop loop = new SmsCommandLoop(settings, commands, new TickClock());
                new Thread(loop.Run).Start();
            }
            catch (ArgumentException ex)
            {
                Log.Error("SMS commands off: modem settings: " + ex.Message);
            }
        }

        // Joins Wi-Fi, connects to the broker and reconnects after every drop, pausing longer after each failure.
        private static void KeepConnected(WifiConnection wifi, MqttLink mqtt, P1TelegramPublisher publisher)
        {
            RetryBackoff backoff = new RetryBackoff(2000, 120000);
            while (true)
            {
                if (!mqtt.IsConnected)
                {
                    if (!wifi.IsJoined && !wifi.Join())
                    {
                        Thread.Sleep(backoff.NextDelay());
                        continue;
                    }

                    if (!mqtt.Connect())
                    {
                        int delay = backoff.NextDelay();
                        if (backoff.Failures % 3 == 0)
                        {
                            // Three broker failures in a row: make sure the network is still the one we joined.
                            wifi.MarkSuspect();
                        }

                        Log.Info("MQTT: next attempt in " + (delay / 1000).ToString() + " s");
                        Thread.Sleep(delay);
                        continue;
                    }

                    backoff.Reset();
                }

                if (!mqtt.WaitForConnectionLost(HeartbeatMilliseconds))
                {
                    Log.Info(publisher.Summary());
                }
            }
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
