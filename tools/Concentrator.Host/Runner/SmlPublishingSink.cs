using System;
using System.Collections.Concurrent;
using System.Text;
using Concentrator.Core.Readings;
using Concentrator.Core.Sml;

namespace Concentrator.Host.Runner;

/// <summary>
/// The end of the SML pipeline: files become Core's readings payload on the readings topic, failures text on the
/// error topic; publishing itself is the P1 pipeline's <see cref="P1PublishingSink"/> (same topics, same payload
/// shape, same counters). A partial file (some messages passed their own CRC) publishes its failure and then its
/// good readings.
/// </summary>
public sealed class SmlPublishingSink : ISmlFileSink
{
    private readonly P1PublishingSink _publisher;
    private readonly P1RunnerCounters _counters;
    private readonly ConcurrentDictionary<SmlStatus, long> _failures = new();

    public SmlPublishingSink(P1PublishingSink publisher, P1RunnerCounters counters)
    {
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
        _counters = counters ?? throw new ArgumentNullException(nameof(counters));
    }

    /// <summary>Files delivered with only part of their messages.</summary>
    public long PartialFiles => _failures.TryGetValue(SmlStatus.PartialFile, out long count) ? count : 0;

    public long Failures(SmlStatus kind) => _failures.TryGetValue(kind, out long count) ? count : 0;

    public void OnFile(ReadingSet readings, bool partial)
    {
        if (partial)
        {
            _failures.AddOrUpdate(SmlStatus.PartialFile, 1, (_, n) => n + 1);
        }

        _publisher.OnTelegram(readings);
    }

    public void OnFailure(SmlError error)
    {
        _failures.AddOrUpdate(error.Kind, 1, (_, n) => n + 1);
        _publisher.PublishError(error.ToString());
    }

    public void OnSilence(int silentMilliseconds)
    {
        _counters.CountSilence();
        _publisher.PublishError("silent meter: no byte received for " + silentMilliseconds + " ms (check the read head's position on the optical port)");
    }

    /// <summary>"SML failures: BadFileCrc 2, Truncated 1; partial files 1", or "" when none.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var pair in _failures)
        {
            if (pair.Key == SmlStatus.PartialFile)
            {
                continue;
            }

            text.Append(text.Length == 0 ? "SML failures: " : ", ").Append(pair.Key).Append(' ').Append(pair.Value);
        }

        if (PartialFiles > 0)
        {
            text.Append(text.Length == 0 ? "" : "; ").Append("partial files ").Append(PartialFiles);
        }

        return text.ToString();
    }
}
