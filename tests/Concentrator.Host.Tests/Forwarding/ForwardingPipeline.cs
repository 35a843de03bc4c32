using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Concentrator.Host.Forwarding;
using Concentrator.Host.Mqtt;
using Concentrator.Host.Publishing;
using Concentrator.Host.Runner;
using Concentrator.Host.Simulation;

namespace Concentrator.Host.Tests.Forwarding;

/// <summary>
/// The host's whole forwarding path for a test: a simulated E350 P1 port, the P1 runner reading it, Home Assistant
/// discovery, and the <see cref="MqttForwarder"/> with its queue in a temporary file. Records every readings payload
/// handed to the queue, in order, to compare with what the broker delivered (readings go in as compact records: the
/// JSON the broker delivers is made from them when they are sent).
/// </summary>
public sealed class ForwardingPipeline : IDisposable, IMessagePublisher
{
    private readonly object _lock = new();
    private readonly List<string> _readings = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SimulatedP1PortServer _server;
    private readonly P1Runner _runner;
    private readonly FileBlockStore _store;
    private readonly string _directory;
    private Task? _run;

    /// <param name="observer">also told of every telegram's readings, after the discovery announcer</param>
    public ForwardingPipeline(MqttClientOptions client, string deviceId, TimeSpan interval, Concentrator.Core.Commands.ICommandHandler? commands = null,
        Action<string, string, Concentrator.Core.Readings.ReadingSet>? observer = null)
    {
        _directory = Directory.CreateTempSubdirectory("forwarding-test-").FullName;
        _store = new FileBlockStore(Path.Combine(_directory, "queue.bin"), 1024 * 1024);
        Forwarder = new MqttForwarder(new MqttForwarderOptions
        {
            Client = client,
            DeviceId = deviceId,
            ReconnectInitialDelay = TimeSpan.FromMilliseconds(200),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
            StatusInterval = TimeSpan.FromSeconds(1),
            MeterIds = new[] { "p1" },
            CommandHandler = commands,
        }, _store);
        Forwarder.Diagnostic += message => Diagnostics.Add(message);
        var announcer = new HomeAssistantAnnouncer(Forwarder, Concentrator.Core.Mqtt.MqttTopics.DefaultPrefix, deviceId);
        Forwarder.HomeAssistantOnline += announcer.AnnounceAgain;
        _server = new SimulatedP1PortServer(new SimulatedP1PortOptions { Interval = interval, Seed = 3 });
        _server.Start();
        _runner = new P1Runner(new P1RunnerOptions { DeviceId = deviceId, Port = _server.Port, ReadingsObserver = (meter, topic, set) =>
        {
            announcer.Announce(meter, topic, set);
            observer?.Invoke(meter, topic, set);
        } }, this);
    }

    public MqttForwarder Forwarder { get; }

    public List<string> Diagnostics { get; } = new();

    public string ReadingsTopic => _runner.ReadingsTopic;

    public int ReadingsQueued
    {
        get
        {
            lock (_lock)
            {
                return _readings.Count;
            }
        }
    }

    public List<string> Readings()
    {
        lock (_lock)
        {
            return new List<string>(_readings);
        }
    }

    public void Start()
    {
        Forwarder.Start();
        _run = _runner.RunAsync(_stop.Token);
    }

    /// <summary>Stops reading the meter (the forwarder goes on sending).</summary>
    public void StopReading()
    {
        _stop.Cancel();
        _run?.Wait(TimeSpan.FromSeconds(10));
    }

    public void Publish(string topic, byte[] payload, int length, bool retain)
    {
        if (topic == _runner.ReadingsTopic)
        {
            lock (_lock)
            {
                _readings.Add(Encoding.UTF8.GetString(payload, 0, length));
            }
        }

        Forwarder.Publish(topic, payload, length, retain);
    }

    public void PublishReadings(string topic, string meterId, Concentrator.Core.Readings.ReadingSet readings, DateTime receivedUtc, byte[] payload, int length)
    {
        lock (_lock)
        {
            _readings.Add(Encoding.UTF8.GetString(payload, 0, length));
        }

        Forwarder.PublishReadings(topic, meterId, readings, receivedUtc, payload, length);
    }

    public void Dispose()
    {
        StopReading();
        Forwarder.Dispose();
        _runner.Dispose();
        _server.Dispose();
        _store.Dispose();
        try
        {
            Directory.Delete(_directory, true);
        }
        catch (IOException)
        {
        }
    }
}
