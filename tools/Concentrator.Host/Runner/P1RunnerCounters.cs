using System.Globalization;
using System.Text;
using System.Threading;
using Concentrator.Core.Dsmr;

namespace Concentrator.Host.Runner;

/// <summary>What a <see cref="P1Runner"/> has done: telegrams, failures per kind, link events. Safe to read from any thread.</summary>
public sealed class P1RunnerCounters
{
    private readonly long[] _failures = new long[(int)DsmrStatus.CapacityExceeded + 1];
    private long _telegrams;
    private long _silences;
    private long _connects;
    private long _connectFailures;
    private long _disconnects;
    private long _published;
    private long _publishFailures;
    private long _payloadOverflows;

    /// <summary>Telegrams decoded and published.</summary>
    public long Telegrams => Interlocked.Read(ref _telegrams);

    /// <summary>Times the meter went silent past the reader's alarm limit.</summary>
    public long Silences => Interlocked.Read(ref _silences);

    /// <summary>Successful connects (the first one included).</summary>
    public long Connects => Interlocked.Read(ref _connects);

    /// <summary>Connect attempts that failed.</summary>
    public long ConnectFailures => Interlocked.Read(ref _connectFailures);

    /// <summary>Connections lost (closed or reset by the other end).</summary>
    public long Disconnects => Interlocked.Read(ref _disconnects);

    /// <summary>Messages handed to the publisher (readings and errors).</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Messages the publisher refused (it threw).</summary>
    public long PublishFailures => Interlocked.Read(ref _publishFailures);

    /// <summary>Telegrams whose JSON did not fit the payload buffer.</summary>
    public long PayloadOverflows => Interlocked.Read(ref _payloadOverflows);

    /// <summary>Failures of one kind reported by the decoder.</summary>
    public long Failures(DsmrStatus kind)
    {
        int index = (int)kind;
        return index > (int)DsmrStatus.TelegramReady && index < _failures.Length ? Interlocked.Read(ref _failures[index]) : 0;
    }

    /// <summary>All decoder failures together.</summary>
    public long TotalFailures
    {
        get
        {
            long total = 0;
            for (int i = (int)DsmrStatus.TelegramReady + 1; i < _failures.Length; i++)
            {
                total += Interlocked.Read(ref _failures[i]);
            }

            return total;
        }
    }

    internal void CountTelegram() => Interlocked.Increment(ref _telegrams);

    internal void CountFailure(DsmrStatus kind)
    {
        int index = (int)kind;
        if (index > (int)DsmrStatus.TelegramReady && index < _failures.Length)
        {
            Interlocked.Increment(ref _failures[index]);
        }
    }

    internal void CountSilence() => Interlocked.Increment(ref _silences);

    internal void CountConnect() => Interlocked.Increment(ref _connects);

    internal void CountConnectFailure() => Interlocked.Increment(ref _connectFailures);

    internal void CountDisconnect() => Interlocked.Increment(ref _disconnects);

    internal void CountPublished() => Interlocked.Increment(ref _published);

    internal void CountPublishFailure() => Interlocked.Increment(ref _publishFailures);

    internal void CountPayloadOverflow() => Interlocked.Increment(ref _payloadOverflows);

    /// <summary>"telegrams 12, failures 2 (BadCrc 1, Truncated 1), silences 0, connects 1, …".</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("telegrams ").Append(Telegrams.ToString(CultureInfo.InvariantCulture));
        text.Append(", failures ").Append(TotalFailures.ToString(CultureInfo.InvariantCulture));
        string separator = " (";
        for (int i = (int)DsmrStatus.TelegramReady + 1; i < _failures.Length; i++)
        {
            long count = Interlocked.Read(ref _failures[i]);
            if (count > 0)
            {
                text.Append(separator).Append(((DsmrStatus)i).ToString()).Append(' ').Append(count.ToString(CultureInfo.InvariantCulture));
                separator = ", ";
            }
        }

        if (separator == ", ")
        {
            text.Append(')');
        }

        text.Append(", silences ").Append(Silences.ToString(CultureInfo.InvariantCulture));
        text.Append(", connects ").Append(Connects.ToString(CultureInfo.InvariantCulture));
        text.Append(", connect failures ").Append(ConnectFailures.ToString(CultureInfo.InvariantCulture));
        text.Append(", disconnects ").Append(Disconnects.ToString(CultureInfo.InvariantCulture));
        text.Append(", published ").Append(Published.ToString(CultureInfo.InvariantCulture));
        if (PublishFailures > 0)
        {
            text.Append(", publish failures ").Append(PublishFailures.ToString(CultureInfo.InvariantCulture));
        }

        if (PayloadOverflows > 0)
        {
            text.Append(", payload overflows ").Append(PayloadOverflows.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
