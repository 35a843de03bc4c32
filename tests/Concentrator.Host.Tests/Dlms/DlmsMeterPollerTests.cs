using Concentrator.Core.Dlms;
using Concentrator.Core.Readings;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Dlms;

[TestClass]
public sealed class DlmsMeterPollerTests
{
    [TestMethod]
    public void Learns_the_classes_once_then_each_poll_costs_four_round_trips()
    {
        var meter = new DlmsTestMeter();
        var poller = new DlmsMeterPoller(meter.Client, meter.Reader, 32, 400);
        Assert.IsNull(poller.Configure("1-0:1.8.0, 1-0:32.7.0,0-0:42.0.0 ,1-0:1.6.0, 1-0:1.4.0"));
        var set = new ReadingSet(32, 1024);

        Assert.AreEqual(DlmsClientStatus.Ok, poller.Poll(set), poller.LastError.ToString());
        Assert.AreEqual(5, poller.ObjectCount);
        Assert.AreEqual(5, set.Count);
        Assert.IsTrue(set.HasTime);
        Assert.AreEqual("dlms", set.Protocol);
        Assert.IsTrue(poller.RoundTrips > 10, "the first poll reads the object list: " + poller.RoundTrips);
        Assert.IsFalse(meter.Server.Associated, "released after the read");

        Assert.AreEqual(DlmsClientStatus.Ok, poller.Poll(set), poller.LastError.ToString());
        Assert.AreEqual(4, poller.RoundTrips, "AARQ, clock, one GET-with-list, RLRQ");
        Assert.AreEqual(5, set.Count);
        Assert.IsTrue(poller.BytesSent > 0 && poller.BytesReceived > poller.BytesSent);
        Console.WriteLine("poll of 5 objects: " + poller.RoundTrips + " round trips, " + poller.BytesSent + " APDU bytes sent, " + poller.BytesReceived + " received");
    }

    [TestMethod]
    public void Without_a_list_it_reads_every_data_object_and_register_the_meter_offers()
    {
        var meter = new DlmsTestMeter(configureClient: o => o.DataBufferSize = 16384);
        var poller = new DlmsMeterPoller(meter.Client, new CosemObjectReader(meter.Client, 256), 256, 400);
        Assert.IsNull(poller.Configure(""));
        var set = new ReadingSet(256, 8192);
        Assert.AreEqual(DlmsClientStatus.Ok, poller.Poll(set), poller.LastError.ToString());
        Assert.AreEqual(31 + 190 + 1 + 1, poller.ObjectCount, "data objects, registers, the extended and the demand register");
        Assert.AreEqual(poller.ObjectCount, set.Count);
    }

    [TestMethod]
    public void Configuration_errors_and_unknown_objects_are_named()
    {
        var meter = new DlmsTestMeter();
        var poller = new DlmsMeterPoller(meter.Client, meter.Reader, 4, 400);
        Assert.AreEqual("'1-0:1.8.x' is not an OBIS code", poller.Configure("1-0:1.8.0,1-0:1.8.x"));
        Assert.AreEqual("more than 4 objects", poller.Configure("1.8.0,1.8.1,1.8.2,2.8.0,2.8.1"));
        Assert.IsNull(poller.Configure("1-0:1.8.0, 1-0:99.99.9"));
        var set = new ReadingSet(8, 256);
        Assert.AreEqual(DlmsClientStatus.DataAccessError, poller.Poll(set));
        Assert.AreEqual("meter refused the attribute: data-access-result object-undefined (4), configured object is in the meter's object list [class 0 1-0:99.99.9*255 attribute 2]", poller.LastError.ToString());
        Assert.IsFalse(meter.Server.Associated, "released after the failure");
    }

    [TestMethod]
    public void A_silent_meter_costs_one_round_trip_and_says_so()
    {
        var meter = new DlmsTestMeter();
        meter.Transport.Silent = true;
        var poller = new DlmsMeterPoller(meter.Client, meter.Reader, 4, 400);
        Assert.IsNull(poller.Configure("1-0:1.8.0"));
        Assert.AreEqual(DlmsClientStatus.TransportFailed, poller.Poll(new ReadingSet(4, 64)));
        Assert.AreEqual(1, poller.RoundTrips);
        Assert.AreEqual("transport failed (Timeout): no answer from the meter", poller.LastError.ToString());
    }
}
