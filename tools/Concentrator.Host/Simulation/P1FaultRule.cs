using System;
using System.Globalization;

namespace Concentrator.Host.Simulation;

/// <summary>
/// When to inject one kind of fault: on every Nth telegram, or on each telegram with a probability. The command-line
/// form is <c>KIND[:RATE]</c>: <c>bad-crc:5</c> (every 5th telegram), <c>bad-crc:0.2</c> or <c>bad-crc:20%</c>
/// (each telegram with probability 0.2); without a rate, every 10th telegram.
/// </summary>
public sealed class P1FaultRule
{
    /// <summary>Every how many telegrams a rule without a rate fires.</summary>
    public const int DefaultEveryNth = 10;

    private P1FaultRule(P1FaultKind kind, int everyNth, double probability)
    {
        Kind = kind;
        EveryNth = everyNth;
        Probability = probability;
    }

    public P1FaultKind Kind { get; }

    /// <summary>Fires on telegrams number N, 2N, 3N … (counted from 1); 0 when the rule is a probability.</summary>
    public int EveryNth { get; }

    /// <summary>Chance per telegram, 0 &lt; p ≤ 1; 0 when the rule is every Nth.</summary>
    public double Probability { get; }

    /// <summary>The command-line names of the fault kinds.</summary>
    public static readonly string[] KindNames = { "bad-crc", "truncated", "garbage", "silence", "too-long", "flip-bit" };

    public static P1FaultRule Every(P1FaultKind kind, int everyNth)
    {
        RequireKind(kind);
        if (everyNth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(everyNth), everyNth, "every Nth telegram needs N ≥ 1");
        }

        return new P1FaultRule(kind, everyNth, 0);
    }

    public static P1FaultRule WithProbability(P1FaultKind kind, double probability)
    {
        RequireKind(kind);
        if (!(probability > 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "a probability must be above 0 and at most 1");
        }

        return new P1FaultRule(kind, 0, probability);
    }

    /// <summary>Parses <c>KIND[:RATE]</c>; on failure <paramref name="error"/> says what is wrong and what is expected.</summary>
    public static bool TryParse(string text, out P1FaultRule? rule, out string? error)
    {
        rule = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "empty fault: expected KIND[:RATE] with KIND one of " + string.Join(", ", KindNames);
            return false;
        }

        int colon = text.IndexOf(':');
        string name = colon < 0 ? text : text.Substring(0, colon);
        P1FaultKind kind = KindFromName(name);
        if (kind == P1FaultKind.None)
        {
            error = "unknown fault kind '" + name + "': expected one of " + string.Join(", ", KindNames);
            return false;
        }

        if (colon < 0)
        {
            rule = Every(kind, DefaultEveryNth);
            return true;
        }

        string rate = text.Substring(colon + 1);
        bool percent = rate.EndsWith('%');
        string number = percent ? rate.Substring(0, rate.Length - 1) : rate;
        if (!percent && number.Length > 0 && number.IndexOf('.') < 0)
        {
            if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int nth) && nth >= 1)
            {
                rule = Every(kind, nth);
                return true;
            }

            error = "bad rate '" + rate + "' for " + name + ": a whole number N ≥ 1 means every Nth telegram, a decimal like 0.1 or a percentage like 10% a probability";
            return false;
        }

        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value))
        {
            error = "bad rate '" + rate + "' for " + name + ": expected every Nth (5), a probability (0.1) or a percentage (10%)";
            return false;
        }

        double probability = percent ? value / 100 : value;
        if (!(probability > 0 && probability <= 1))
        {
            error = "bad rate '" + rate + "' for " + name + ": a probability must be above 0 and at most 1 (100%)";
            return false;
        }

        rule = WithProbability(kind, probability);
        return true;
    }

    /// <summary>The command-line name of a kind ("bad-crc" …).</summary>
    public static string NameOf(P1FaultKind kind)
    {
        int index = (int)kind - 1;
        return index >= 0 && index < KindNames.Length ? KindNames[index] : kind.ToString();
    }

    /// <summary>"bad-crc:5" or "bad-crc:0.2".</summary>
    public override string ToString()
    {
        return NameOf(Kind) + ":" + (EveryNth > 0 ? EveryNth.ToString(CultureInfo.InvariantCulture) : Probability.ToString("0.###", CultureInfo.InvariantCulture));
    }

    private static P1FaultKind KindFromName(string name)
    {
        for (int i = 0; i < KindNames.Length; i++)
        {
            if (string.Equals(KindNames[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return (P1FaultKind)(i + 1);
            }
        }

        return P1FaultKind.None;
    }

    private static void RequireKind(P1FaultKind kind)
    {
        if (kind == P1FaultKind.None || kind > P1FaultKind.FlippedBit)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a fault kind");
        }
    }
}
