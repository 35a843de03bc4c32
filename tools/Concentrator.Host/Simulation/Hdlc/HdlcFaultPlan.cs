using System;

namespace Concentrator.Host.Simulation.Hdlc;

/// <summary>
/// Which answers of a simulated HDLC meter go wrong: a queue of faults for the next answers (deterministic, for tests)
/// and/or one kind with a probability per answer (seeded, for the simulator). Thread-safe.
/// </summary>
public sealed class HdlcFaultPlan
{
    private readonly object _lock = new();
    private readonly System.Collections.Generic.Queue<HdlcFaultKind> _next = new();
    private readonly Random _random;
    private readonly System.Collections.Generic.List<(HdlcFaultKind Kind, double Probability)> _randomRules = new();

    public HdlcFaultPlan(int seed = 4059)
    {
        _random = new Random(seed);
    }

    /// <summary>The next answers get these faults, in order (None leaves one answer alone).</summary>
    public void Queue(params HdlcFaultKind[] faults)
    {
        lock (_lock)
        {
            foreach (HdlcFaultKind fault in faults)
            {
                _next.Enqueue(fault);
            }
        }
    }

    /// <summary>Every answer gets <paramref name="kind"/> with this probability (0 turns it off).</summary>
    public void SetRandom(HdlcFaultKind kind, double probability)
    {
        if (probability < 0 || probability > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "probability must be 0 .. 1");
        }

        lock (_lock)
        {
            _randomRules.Clear();
            if (probability > 0)
            {
                _randomRules.Add((kind, probability));
            }
        }
    }

    /// <summary>Adds a kind with its own chance per answer (the kinds are tried in the order added).</summary>
    public void AddRandom(HdlcFaultKind kind, double probability)
    {
        if (probability <= 0 || probability > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "probability must be above 0 and at most 1");
        }

        lock (_lock)
        {
            _randomRules.Add((kind, probability));
        }
    }

    /// <summary>Faults injected so far.</summary>
    public int Injected { get; private set; }

    /// <summary>The fault for the next answer.</summary>
    public HdlcFaultKind Next()
    {
        lock (_lock)
        {
            HdlcFaultKind fault = HdlcFaultKind.None;
            if (_next.Count > 0)
            {
                fault = _next.Dequeue();
            }
            else
            {
                foreach (var rule in _randomRules)
                {
                    if (_random.NextDouble() < rule.Probability)
                    {
                        fault = rule.Kind;
                        break;
                    }
                }
            }

            if (fault != HdlcFaultKind.None)
            {
                Injected++;
            }

            return fault;
        }
    }
}
