using Concentrator.Core.Meters;
using Concentrator.Core.Scheduling;
using Concentrator.Host.Inventory;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Inventory;

[TestClass]
public sealed class InventoryFileTests
{
    [TestMethod]
    public void Reads_settings_and_meters()
    {
        InventoryConfiguration configuration = InventoryFile.Parse(
            "# cabinet 3\n" +
            "device=cabinet-3\n" +
            "prefix=site/a\n" +
            "read-budget-ms=1500\r\n" +
            "retries=1\n" +
            "offline-after=4\n" +
            "probe-interval=1800\n" +
            "max-power-w=43000\n" +
            "\n" +
            "meter house port=p1 protocol=dsmr address=127.0.0.1:2001 interval=0\n" +
            "meter bus-01 port=rs485 protocol=iec62056-21 address=10.0.0.7:4001 interval=900 priority=billing password=00000000 baud=9600 objects=1.8.0,2.8.0\n",
            "test.inv");

        Assert.AreEqual("cabinet-3", configuration.DeviceId);
        Assert.AreEqual("site/a", configuration.TopicPrefix);
        Assert.AreEqual(1500, configuration.Scheduler.ReadBudgetMilliseconds);
        Assert.AreEqual(1, configuration.Scheduler.RetriesPerSlot);
        Assert.AreEqual(4, configuration.Scheduler.OfflineAfterFailures);
        Assert.AreEqual(1800, configuration.Scheduler.OfflineProbeIntervalSeconds);
        Assert.AreEqual(43000.0, configuration.Quality.MaxPowerWatts);
        Assert.AreEqual(2, configuration.Meters.Count);
        MeterDefinition bus = configuration.Meters[1];
        Assert.AreEqual("bus-01", bus.Id);
        Assert.AreEqual(MeterPort.Rs485, bus.Port);
        Assert.AreEqual(MeterProtocol.Iec62056_21, bus.Protocol);
        Assert.AreEqual("10.0.0.7:4001", bus.Address);
        Assert.AreEqual(900, bus.IntervalSeconds);
        Assert.AreEqual((byte)ReadPriority.Billing, bus.Priority);
        Assert.AreEqual("00000000", bus.Password);
        Assert.AreEqual(9600, bus.BaudCap);
        Assert.AreEqual("1.8.0,2.8.0", bus.Objects);
        Assert.AreEqual(0, configuration.Meters[0].IntervalSeconds);
    }

    [TestMethod]
    [DataRow("meter a port=rs485 protocol=dsmr interval=60 colour=red", "test.inv line 1: meter 'a': unknown key 'colour'")]
    [DataRow("meter a port=rs485 protocol=dsmr interval=60\nmeter a port=rs485 protocol=dsmr interval=60", "test.inv line 2: meter 'a' is defined twice")]
    [DataRow("meter a port=rs485 protocol=dsmr", "test.inv line 1: meter 'a': port=, protocol= and interval= are required")]
    [DataRow("meter a port=usb protocol=dsmr interval=60", "test.inv line 1: port 'usb': expected optical, rs485, p1, sml or tcp")]
    [DataRow("meter a port=rs485 protocol=dsmr interval=90000", "test.inv line 1: interval '90000': expected a whole number from 0 to 86400")]
    [DataRow("meter a/b port=rs485 protocol=dsmr interval=60", "test.inv line 1: meter id 'a/b': only letters, digits, '-' and '_' are allowed, found '/'")]
    [DataRow("# nothing\n", "test.inv: no meter defined")]
    [DataRow("read-budget=5\nmeter a port=rs485 protocol=dsmr interval=60", "test.inv line 1: unknown setting 'read-budget'")]
    [DataRow("retry-first-ms=5000\nretry-max-ms=1000\nmeter a port=rs485 protocol=dsmr interval=60", "test.inv: the first retry delay must be at least 1 ms and not above the longest")]
    [DataRow("just words", "test.inv line 1: expected NAME=VALUE or 'meter ID key=value …', got 'just words'")]
    public void Mistakes_are_reported_with_file_line_and_reason(string text, string expectedStart)
    {
        var exception = Assert.ThrowsExactly<InventoryFileException>(() => InventoryFile.Parse(text, "test.inv"));
        StringAssert.StartsWith(exception.Message, expectedStart);
    }

    [TestMethod]
    public void A_missing_file_is_reported_with_its_path()
    {
        var exception = Assert.ThrowsExactly<InventoryFileException>(() => InventoryFile.Load("/nonexistent/inventory.txt"));
        StringAssert.StartsWith(exception.Message, "/nonexistent/inventory.txt: cannot read the inventory");
    }
}
