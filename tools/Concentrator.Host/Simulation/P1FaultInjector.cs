using System;
using System.Collections.Generic;

namespace Concentrator.Host.Simulation;

/// <summary>
/// Decides which fault (if any) a telegram gets. At most one fault per telegram: the rules are tried in the order
/// given and the first that fires wins. Every probability rule draws once per telegram, fired or not, so the pattern
/// depends only on the seed and the rules.
/// </summary>
public sealed class P1FaultInjector
{
    private readonly P1FaultRule[] _rules;
    private readonly Random _random;

    public P1FaultInjector(IReadOnlyList<P1FaultRule> rules, int seed)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = new P1FaultRule[rules.Count];
        for (int i = 0; i < rules.Count; i++)
        {
            _rules[i] = rules[i] ?? throw new ArgumentException("a fault rule is null", nameof(rules));
        }

        _random = new Random(seed);
    }

    /// <summary>The fault for telegram number <paramref name="telegramNumber"/> (counted from 1).</summary>
    public P1FaultKind Choose(long telegramNumber)
    {
        P1FaultKind chosen = P1FaultKind.None;
        for (int i = 0; i < _rules.Length; i++)
        {
            P1FaultRule rule = _rules[i];
            bool fires = rule.EveryNth > 0 ? telegramNumber % rule.EveryNth == 0 : _random.NextDouble() < rule.Probability;
            if (fires && chosen == P1FaultKind.None)
            {
                chosen = rule.Kind;
            }
        }

        return chosen;
    }
}
