using System.Collections.Generic;
using Concentrator.Core.Meters;
using Concentrator.Core.Mqtt;
using Concentrator.Core.Quality;
using Concentrator.Core.Scheduling;

namespace Concentrator.Host.Inventory;

/// <summary>What an inventory file says: the meters, the scheduling rules, the quality limits, and the topic names.</summary>
public sealed class InventoryConfiguration
{
    public string DeviceId { get; set; } = "host";

    public string TopicPrefix { get; set; } = MqttTopics.DefaultPrefix;

    public SchedulerOptions Scheduler { get; } = new();

    public QualityLimits Quality { get; } = new();

    /// <summary>Registers per meter the quality checker remembers (for "counter went backwards").</summary>
    public int RegistersPerMeter { get; set; } = 16;

    public List<MeterDefinition> Meters { get; } = new();
}
