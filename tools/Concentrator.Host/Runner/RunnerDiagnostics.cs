using System;
using System.Diagnostics;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using Concentrator.Core.Commands;
using Concentrator.Core.Diagnostics;
using Concentrator.Core.Meters;
using Concentrator.Core.Mqtt;
using Concentrator.Host.Inventory;
using Concentrator.Host.Publishing;
using Concentrator.Host.Timing;

namespace Concentrator.Host.Runner;

/// <summary>
/// What <c>run --config</c> answers to <c>MCP INFO</c>, <c>MCP DIAG</c> and <c>MCP CAPT</c>, through the same Core pieces
/// as the board: every meter's <see cref="MeterHealth"/> (kept by the ports' <see cref="MeterHealthSink"/>) and one
/// <see cref="FrameCapture"/> whose dumps go to <c>…/meters/&lt;id&gt;/capture</c> through the run's publisher (the
/// store-and-forward queue with <c>--mqtt</c>, else standard output). Signal strength: none (the desktop has no radio of
/// its own); the local IP is the first IPv4 address of an interface that is up.
/// </summary>
public sealed class RunnerDiagnostics : IDiagnosticsSource, ICaptureOutput
{
    /// <summary>The capture buffer, as on the board.</summary>
    public const int CaptureBytes = 4096;

    private readonly IMessagePublisher _publisher;
    private readonly string _prefix;
    private readonly string _deviceId;
    private readonly Stopwatch _uptime = Stopwatch.StartNew();

    public RunnerDiagnostics(InventoryConfiguration configuration, IMessagePublisher publisher)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
        _prefix = configuration.TopicPrefix;
        _deviceId = configuration.DeviceId;
        var clock = new StopwatchClock();
        Health = new MeterHealthTable(Math.Max(1, configuration.Meters.Count), clock);
        int longest = 0;
        foreach (MeterDefinition meter in configuration.Meters)
        {
            Health.Add(meter.Id);
            longest = Math.Max(longest, meter.IntervalSeconds);
        }

        Capture = new FrameCapture(CaptureBytes, clock, this, FrameCapture.BoundFor(longest));
    }

    public MeterHealthTable Health { get; }

    public FrameCapture Capture { get; }

    /// <summary>Messages waiting in the queue (with <c>--mqtt</c>), else null.</summary>
    public Func<int>? QueueDepth { get; set; }

    /// <summary>Messages the queue dropped (with <c>--mqtt</c>), else null.</summary>
    public Func<long>? QueueDropped { get; set; }

    /// <summary>Whether the broker is connected (with <c>--mqtt</c>), else null.</summary>
    public Func<bool>? BrokerConnected { get; set; }

    /// <summary>Each finished capture's dump, as text (for the log).</summary>
    public event Action<string, string>? CaptureFinished;

    public void FillStatus(ConcentratorStatus status)
    {
        status.UptimeSeconds = (long)_uptime.Elapsed.TotalSeconds;
        status.LocalIp = LocalIPv4();
        status.Technology = "ETH";
        status.BrokerConnected = BrokerConnected?.Invoke() ?? false;
        status.QueueDepth = QueueDepth?.Invoke() ?? 0;
        status.QueueDropped = QueueDropped?.Invoke() ?? 0;
        status.FreeHeap = -1;
        Health.FillTotals(status);
    }

    public bool FillMeter(string meterId, MeterDiagnostics diagnostics) => Health.Fill(meterId, diagnostics);

    public void Publish(string meterId, byte[] dump, int length)
    {
        CaptureFinished?.Invoke(meterId, Encoding.ASCII.GetString(dump, 0, length));
        _publisher.Publish(MqttTopics.Capture(_prefix, _deviceId, meterId), dump, length, false);
    }

    private static string LocalIPv4()
    {
        try
        {
            foreach (NetworkInterface network in NetworkInterface.GetAllNetworkInterfaces())
            {
                if (network.OperationalStatus != OperationalStatus.Up || network.NetworkInterfaceType == NetworkInterfaceType.Loopback)
                {
                    continue;
                }

                foreach (UnicastIPAddressInformation address in network.GetIPProperties().UnicastAddresses)
                {
                    if (address.Address.AddressFamily == AddressFamily.InterNetwork)
                    {
                        return address.Address.ToString();
                    }
                }
            }
        }
        catch (NetworkInformationException)
        {
        }

        return "127.0.0.1";
    }
}
