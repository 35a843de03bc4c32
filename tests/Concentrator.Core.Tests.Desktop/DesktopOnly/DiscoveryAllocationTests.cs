using System;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Json;
using Concentrator.Core.Mqtt;
using Concentrator.Core.Readings;
using Concentrator.Core.Tests.Dsmr;
using Concentrator.Core.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly
{
    /// <summary>
    /// The reading path with Home Assistant discovery on (decode a telegram, format its payload, let the announcements
    /// see it) allocates nothing once the meter has been announced: the announcement compares the set with the meter's record.
    /// </summary>
    [TestClass]
    public class DiscoveryAllocationTests
    {
        [TestMethod]
        public void Steady_state_readings_with_discovery_allocate_nothing()
        {
            byte[] data = Ascii.Bytes(DsmrTelegrams.LandisGyrE350Dsmr42);
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            ReadingJsonFormatter formatter = new ReadingJsonFormatter();
            JsonWriter payload = new JsonWriter(4096);
            JsonWriter config = new JsonWriter(1024);
            HomeAssistantAnnouncements announcements = new HomeAssistantAnnouncements(MqttTopics.HomeAssistantPrefix, "gw1", "concentrator/gw1/status", 32);
            string topic = "concentrator/gw1/meters/p1/readings";
            DateTime received = new DateTime(2026, 11, 21, 20, 0, 0, DateTimeKind.Utc);
            int telegrams = 0;
            int announced = 0;

            long allocated = Allocation.By(() =>
            {
                for (int i = 0; i < 20; i++)
                {
                    int position = 0;
                    Assert.AreEqual(DsmrStatus.TelegramReady, DsmrFeed.Next(decoder, data, ref position, data.Length));
                    ReadingSet set = decoder.Readings;
                    payload.Reset();
                    formatter.WriteReadingsPayload(payload, "p1", set, received);
                    if (announcements.Observe("p1", topic, set))
                    {
                        announced++;
                    }

                    telegrams++;
                }
            });

            Assert.AreEqual(0L, allocated, "bytes allocated by 20 telegrams with discovery on, after the first announcement");
            Assert.AreEqual(40, telegrams);
            Assert.AreEqual(1, announced, "announced once, on the first telegram (in the warm-up)");
            Assert.IsTrue(announcements.HasPending);
            string configTopic;
            Assert.IsTrue(announcements.TryNext(config, out configTopic));
        }
    }
}
