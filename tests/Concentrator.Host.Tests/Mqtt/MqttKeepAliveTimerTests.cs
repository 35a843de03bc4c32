using System;
using Concentrator.Host.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Mqtt;

[TestClass]
public sealed class MqttKeepAliveTimerTests
{
    // Keep-alive 4 s: tick 1 s, so a PINGREQ goes out once 3 s pass without traffic (never later than 4 s, 3.1.2-23).
    private readonly MqttKeepAliveTimer _timer = new(4, TimeSpan.FromSeconds(2));

    [TestMethod]
    public void TickIsAQuarterOfKeepAliveWithinBounds()
    {
        Assert.AreEqual(1000, _timer.TickMilliseconds);
        Assert.AreEqual(250, new MqttKeepAliveTimer(1, TimeSpan.FromSeconds(1)).TickMilliseconds);
        Assert.AreEqual(1000, new MqttKeepAliveTimer(60, TimeSpan.FromSeconds(1)).TickMilliseconds);
    }

    [TestMethod]
    public void WaitsWhileTrafficFlowsBothWays()
    {
        Assert.AreEqual(MqttKeepAliveAction.Wait, _timer.Evaluate(now: 10_000, lastSent: 8_000, lastReceived: 9_000, pingSent: 0));
    }

    [TestMethod]
    public void PingsWhenNothingWasSent()
    {
        Assert.AreEqual(MqttKeepAliveAction.SendPingRequest, _timer.Evaluate(now: 10_000, lastSent: 7_000, lastReceived: 9_900, pingSent: 0));
    }

    [TestMethod]
    public void PingsWhenNothingWasReceivedEvenWhileSending()
    {
        // A publisher that only sends QoS 0 would otherwise never learn that the server is gone.
        Assert.AreEqual(MqttKeepAliveAction.SendPingRequest, _timer.Evaluate(now: 10_000, lastSent: 9_900, lastReceived: 7_000, pingSent: 0));
    }

    [TestMethod]
    public void WaitsForAnOutstandingPingResponse()
    {
        Assert.AreEqual(MqttKeepAliveAction.Wait, _timer.Evaluate(now: 10_000, lastSent: 9_000, lastReceived: 5_000, pingSent: 9_000));
    }

    [TestMethod]
    public void DeclaresTheConnectionDeadAfterThePingResponseTimeout()
    {
        Assert.AreEqual(MqttKeepAliveAction.ConnectionDead, _timer.Evaluate(now: 11_000, lastSent: 9_000, lastReceived: 5_000, pingSent: 9_000));
    }
}
