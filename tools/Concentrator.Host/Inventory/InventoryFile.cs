using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Concentrator.Core.Meters;
using Concentrator.Core.Scheduling;

namespace Concentrator.Host.Inventory;

/// <summary>
/// Reads the meter inventory file of <c>concentrator run --config FILE</c>: a small line format, documented in
/// <c>firmware/Concentrator.Core/Scheduling/README.md</c>. Kept apart from everything else so that it can be replaced by
/// the persistent configuration store without touching the runner. Every mistake is reported with its line number,
/// what was expected and what was found; nothing is half-loaded.
/// </summary>
/// <example>
/// <code>
/// device=cabinet-3
/// read-budget-ms=2000
/// meter house port=p1 protocol=dsmr address=127.0.0.1:2001 interval=0
/// meter bus-01 port=rs485 protocol=dsmr address=10.0.0.7:4001 interval=900 priority=billing
/// </code>
/// </example>
public static class InventoryFile
{
    public static InventoryConfiguration Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InventoryFileException(path + ": cannot read the inventory: " + exception.Message);
        }

        return Parse(text, path);
    }

    public static InventoryConfiguration Parse(string text, string source)
    {
        var configuration = new InventoryConfiguration();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string[] lines = text.Split('\n');
        for (int number = 1; number <= lines.Length; number++)
        {
            string line = lines[number - 1].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string where = source + " line " + number.ToString(CultureInfo.InvariantCulture) + ": ";
            if (line.StartsWith("meter ", StringComparison.Ordinal) || line == "meter")
            {
                MeterDefinition meter = ParseMeter(line, where);
                if (!ids.Add(meter.Id))
                {
                    throw new InventoryFileException(where + "meter '" + meter.Id + "' is defined twice");
                }

                configuration.Meters.Add(meter);
            }
            else
            {
                int equals = line.IndexOf('=');
                if (equals <= 0)
                {
                    throw new InventoryFileException(where + "expected NAME=VALUE or 'meter ID key=value …', got '" + line + "'");
                }

                ApplySetting(configuration, line.Substring(0, equals).Trim(), line.Substring(equals + 1).Trim(), where);
            }
        }

        if (configuration.Meters.Count == 0)
        {
            throw new InventoryFileException(source + ": no meter defined (add a line 'meter ID port=… protocol=… address=HOST:PORT interval=SECONDS')");
        }

        try
        {
            configuration.Scheduler.Validate();
            configuration.Quality.Validate();
        }
        catch (ArgumentOutOfRangeException exception)
        {
            throw new InventoryFileException(source + ": " + exception.Message);
        }

        return configuration;
    }

    private static void ApplySetting(InventoryConfiguration configuration, string name, string value, string where)
    {
        switch (name)
        {
            case "device":
                configuration.DeviceId = RequireName(value, name, where);
                break;
            case "prefix":
                configuration.TopicPrefix = value.Length > 0 ? value : throw new InventoryFileException(where + "prefix must not be empty");
                break;
            case "read-budget-ms":
                configuration.Scheduler.ReadBudgetMilliseconds = Number(value, name, 1, 600000, where);
                break;
            case "retries":
                configuration.Scheduler.RetriesPerSlot = Number(value, name, 0, 100, where);
                break;
            case "retry-first-ms":
                configuration.Scheduler.RetryFirstDelayMilliseconds = Number(value, name, 1, 3600000, where);
                break;
            case "retry-max-ms":
                configuration.Scheduler.RetryMaxDelayMilliseconds = Number(value, name, 1, 3600000, where);
                break;
            case "offline-after":
                configuration.Scheduler.OfflineAfterFailures = Number(value, name, 1, 1000, where);
                break;
            case "probe-interval":
                configuration.Scheduler.OfflineProbeIntervalSeconds = Number(value, name, 1, 86400, where);
                break;
            case "max-voltage":
                configuration.Quality.MaxVoltage = Number(value, name, 1, 1000000, where);
                break;
            case "max-power-w":
                configuration.Quality.MaxPowerWatts = Number(value, name, 1, 1000000000, where);
                break;
            case "max-skew-s":
                configuration.Quality.MaxClockSkewSeconds = Number(value, name, 1, 86400, where);
                break;
            case "stale-after-s":
                configuration.Quality.StaleAfterSeconds = Number(value, name, 1, 31 * 86400, where);
                break;
            case "registers-per-meter":
                configuration.RegistersPerMeter = Number(value, name, 1, 1024, where);
                break;
            default:
                throw new InventoryFileException(where + "unknown setting '" + name + "' (known: device, prefix, read-budget-ms, retries, retry-first-ms, retry-max-ms, " +
                                                 "offline-after, probe-interval, max-voltage, max-power-w, max-skew-s, stale-after-s, registers-per-meter)");
        }
    }

    private static MeterDefinition ParseMeter(string line, string where)
    {
        string[] tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 2 || tokens[1].Contains('='))
        {
            throw new InventoryFileException(where + "expected 'meter ID key=value …': the meter's id is missing");
        }

        var meter = new MeterDefinition { Id = RequireName(tokens[1], "meter id", where) };
        bool hasPort = false, hasProtocol = false, hasInterval = false;
        for (int i = 2; i < tokens.Length; i++)
        {
            int equals = tokens[i].IndexOf('=');
            if (equals <= 0)
            {
                throw new InventoryFileException(where + "meter '" + meter.Id + "': expected key=value, got '" + tokens[i] + "'");
            }

            string key = tokens[i].Substring(0, equals);
            string value = tokens[i].Substring(equals + 1);
            switch (key)
            {
                case "port":
                    meter.Port = ParsePort(value, where);
                    hasPort = true;
                    break;
                case "protocol":
                    meter.Protocol = ParseProtocol(value, where);
                    hasProtocol = true;
                    break;
                case "address":
                    meter.Address = value;
                    break;
                case "password":
                    meter.Password = value;
                    break;
                case "baud":
                    meter.BaudCap = Number(value, "baud", 0, 921600, where);
                    break;
                case "objects":
                    meter.Objects = value;
                    break;
                case "interval":
                    meter.IntervalSeconds = Number(value, "interval", 0, 86400, where);
                    hasInterval = true;
                    break;
                case "priority":
                    meter.Priority = ParsePriority(value, where);
                    break;
                default:
                    throw new InventoryFileException(where + "meter '" + meter.Id + "': unknown key '" + key + "' (known: port, protocol, address, password, baud, objects, interval, priority)");
            }
        }

        if (!hasPort || !hasProtocol || !hasInterval)
        {
            throw new InventoryFileException(where + "meter '" + meter.Id + "': port=, protocol= and interval= are required");
        }

        return meter;
    }

    private static MeterPort ParsePort(string value, string where) => value switch
    {
        "optical" => MeterPort.Optical,
        "rs485" => MeterPort.Rs485,
        "p1" => MeterPort.P1,
        "sml" => MeterPort.SmlPush,
        "tcp" => MeterPort.Tcp,
        _ => throw new InventoryFileException(where + "port '" + value + "': expected optical, rs485, p1, sml or tcp"),
    };

    private static MeterProtocol ParseProtocol(string value, string where) => value switch
    {
        "dsmr" => MeterProtocol.Dsmr,
        "iec62056-21" => MeterProtocol.Iec62056_21,
        "dlms-hdlc" => MeterProtocol.DlmsHdlc,
        "dlms-wrapper" => MeterProtocol.DlmsWrapper,
        "sml" => MeterProtocol.Sml,
        _ => throw new InventoryFileException(where + "protocol '" + value + "': expected dsmr, iec62056-21, dlms-hdlc, dlms-wrapper or sml"),
    };

    private static byte ParsePriority(string value, string where) => value switch
    {
        "instantaneous" or "0" => (byte)ReadPriority.Instantaneous,
        "billing" or "1" => (byte)ReadPriority.Billing,
        "profile" or "2" => (byte)ReadPriority.Profile,
        _ => throw new InventoryFileException(where + "priority '" + value + "': expected instantaneous, billing or profile (0, 1, 2)"),
    };

    private static int Number(string value, string name, int min, int max, string where)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number < min || number > max)
        {
            throw new InventoryFileException(where + name + " '" + value + "': expected a whole number from " + min.ToString(CultureInfo.InvariantCulture) +
                                             " to " + max.ToString(CultureInfo.InvariantCulture));
        }

        return number;
    }

    // Ids and the device name become MQTT topic levels: letters, digits, '-' and '_' only.
    private static string RequireName(string value, string name, string where)
    {
        if (value.Length == 0 || value.Length > 32)
        {
            throw new InventoryFileException(where + name + " '" + value + "': expected 1 to 32 characters");
        }

        foreach (char ch in value)
        {
            if (!(char.IsAsciiLetterOrDigit(ch) || ch == '-' || ch == '_'))
            {
                throw new InventoryFileException(where + name + " '" + value + "': only letters, digits, '-' and '_' are allowed, found '" + ch + "'");
            }
        }

        return value;
    }
}
