using Concentrator.Host.Simulation;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Simulation;

[TestClass]
public sealed class P1FaultRuleTests
{
    [TestMethod]
    [DataRow("bad-crc", P1FaultKind.BadCrc, 10, 0.0)]
    [DataRow("bad-crc:5", P1FaultKind.BadCrc, 5, 0.0)]
    [DataRow("truncated:1", P1FaultKind.Truncated, 1, 0.0)]
    [DataRow("garbage:0.25", P1FaultKind.Garbage, 0, 0.25)]
    [DataRow("silence:20%", P1FaultKind.Silence, 0, 0.2)]
    [DataRow("TOO-LONG:3", P1FaultKind.TooLong, 3, 0.0)]
    [DataRow("flip-bit:1.0", P1FaultKind.FlippedBit, 0, 1.0)]
    public void Parses_kind_and_rate(string text, P1FaultKind kind, int everyNth, double probability)
    {
        Assert.IsTrue(P1FaultRule.TryParse(text, out P1FaultRule? rule, out string? error), error);
        Assert.AreEqual(kind, rule!.Kind);
        Assert.AreEqual(everyNth, rule.EveryNth);
        Assert.AreEqual(probability, rule.Probability, 1e-12);
    }

    [TestMethod]
    [DataRow("", "empty fault")]
    [DataRow("noise:3", "unknown fault kind 'noise': expected one of bad-crc, truncated, garbage, silence, too-long, flip-bit")]
    [DataRow("bad-crc:0", "a whole number N ≥ 1 means every Nth telegram")]
    [DataRow("bad-crc:-2", "a whole number N ≥ 1")]
    [DataRow("bad-crc:1.5", "a probability must be above 0 and at most 1")]
    [DataRow("bad-crc:0.0", "a probability must be above 0")]
    [DataRow("bad-crc:150%", "a probability must be above 0 and at most 1 (100%)")]
    [DataRow("bad-crc:often", "bad rate 'often' for bad-crc")]
    [DataRow("bad-crc:", "bad rate '' for bad-crc")]
    public void Refuses_bad_rules_with_a_message_that_says_why(string text, string expected)
    {
        Assert.IsFalse(P1FaultRule.TryParse(text, out P1FaultRule? rule, out string? error));
        Assert.IsNull(rule);
        StringAssert.Contains(error, expected);
    }

    [TestMethod]
    public void Every_Nth_fires_on_multiples_and_probability_fires_at_about_its_rate()
    {
        var every = new P1FaultInjector(new[] { P1FaultRule.Every(P1FaultKind.Truncated, 3) }, 1);
        for (int n = 1; n <= 30; n++)
        {
            Assert.AreEqual(n % 3 == 0 ? P1FaultKind.Truncated : P1FaultKind.None, every.Choose(n), "telegram " + n);
        }

        var chance = new P1FaultInjector(new[] { P1FaultRule.WithProbability(P1FaultKind.BadCrc, 0.3) }, 9);
        int fired = 0;
        for (int n = 1; n <= 2000; n++)
        {
            fired += chance.Choose(n) == P1FaultKind.BadCrc ? 1 : 0;
        }

        Assert.IsTrue(fired > 480 && fired < 720, fired + " of 2000 at p = 0.3");
    }

    [TestMethod]
    public void First_rule_that_fires_wins()
    {
        var injector = new P1FaultInjector(new[] { P1FaultRule.Every(P1FaultKind.BadCrc, 2), P1FaultRule.Every(P1FaultKind.Garbage, 3) }, 1);
        Assert.AreEqual(P1FaultKind.BadCrc, injector.Choose(6));
        Assert.AreEqual(P1FaultKind.Garbage, injector.Choose(9));
        Assert.AreEqual(P1FaultKind.None, injector.Choose(7));
    }
}
