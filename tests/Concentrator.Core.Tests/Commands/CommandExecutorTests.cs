using Concentrator.Core.Commands;
using Concentrator.Core.Configuration;
using Concentrator.Core.Meters;
using Concentrator.Core.Tests.Configuration;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Commands
{
    [TestClass]
    public class CommandExecutorTests
    {
        [TestMethod]
        public void Info_reply_has_the_manual_fields_and_flags_the_default_password()
        {
            CommandRig rig = new CommandRig(true);
            Assert.AreEqual("EM_ID=p1+1 SN=concentrator SIG=-57dBm LIP=89.24.0.201 STAT=485 TECH=WIFI PWD=DEFAULT", rig.Run("MCP INFO PWD=HELLO"));

            CommandRig bare = new CommandRig(false);
            Assert.AreEqual("EM_ID=p1+1 SN=concentrator SIG= LIP= STAT=LISTEN TECH=WIFI PWD=DEFAULT", bare.Run("MCP INFO PWD=HELLO"));
            Assert.IsTrue(bare.Unchanged());
        }

        [TestMethod]
        public void Cnf_with_the_manuals_example_values_replies_exactly_the_manuals_reply()
        {
            CommandRig rig = new CommandRig(true);

            string reply = rig.Run("MCP CNF PWD=HELLO APN=internet.t-mobile.cz DUSR=internet DPWD= IP=10.0.25.30 PORT=58600 RINT=2");

            Assert.AreEqual("APN=internet.t-mobile.cz DUSR=internet DPWD= IP=10.0.25.30 PORT=58600 RINT=2", reply);
            ConcentratorConfiguration saved = new ConfigurationStore(rig.Storage, "concentrator.conf").Load().Configuration;
            Assert.AreEqual("internet.t-mobile.cz", saved.Apn);
            Assert.AreEqual("10.0.25.30", saved.MqttHost);
            Assert.AreEqual(58600, saved.MqttPort);
            Assert.AreEqual(2, saved.StatusIntervalHours);
            Assert.AreEqual(saved.ToText(), rig.Executor.Current.ToText());
        }

        [TestMethod]
        public void Cnf_in_the_manuals_template_form_with_semicolons_and_bracketed_values()
        {
            CommandRig rig = new CommandRig(true);

            rig.Executor.Handle("MCP CNF PWD=HELLO APN=internet; DUSR=[mobile user]; DPWD=(se cret); IP=10.0.25.30; PORT=58600; NPWD=n3w-pass; RINT=0;", rig.Runtime);
            string reply = rig.Runtime.LastReply;

            Assert.AreEqual("APN=internet DUSR=[mobile user] DPWD=*** IP=10.0.25.30 PORT=58600 RINT=0", reply);
            Assert.AreEqual("mobile user", rig.Executor.Current.DataUser);
            Assert.AreEqual("se cret", rig.Executor.Current.DataPassword);
            Assert.AreEqual("n3w-pass", rig.Executor.Current.AdminPassword);
            Assert.AreEqual(1, rig.Runtime.Applied);
            Assert.AreSame(rig.Executor.Current, rig.Runtime.LastApplied);
        }

        [TestMethod]
        public void Cnf_with_only_the_apn_changes_only_the_apn()
        {
            CommandRig rig = new CommandRig(false);
            string before = rig.Executor.Current.ToText();

            Assert.AreEqual("APN=internet DUSR= DPWD= IP=192.168.1.10 PORT=1883 RINT=1", rig.Run("MCP CNF PWD=HELLO APN=internet"));

            ConcentratorConfiguration expected = ConfigurationStoreTests.Sample("192.168.1.10");
            expected.Apn = "internet";
            Assert.AreEqual(expected.ToText(), rig.Executor.Current.ToText());
            Assert.AreNotEqual(before, rig.Executor.Current.ToText());
        }

        [TestMethod]
        public void New_password_takes_over_and_the_default_flag_goes()
        {
            CommandRig rig = new CommandRig(false);
            rig.Run("MCP CNF PWD=HELLO NPWD=Kabinet-7");

            Assert.AreEqual("Password incorrect", rig.Run("MCP INFO PWD=HELLO"));
            Assert.AreEqual("EM_ID=p1+1 SN=concentrator SIG= LIP= STAT=LISTEN TECH=WIFI", rig.Run("MCP INFO PWD=Kabinet-7"));
            Assert.IsFalse(rig.Executor.Current.UsesDefaultPassword);
        }

        [TestMethod]
        public void Reset_replies_ok_and_restarts_only_after_the_reply_went_out()
        {
            CommandRig rig = new CommandRig(true);

            rig.Executor.Handle("MCP RESET PWD=HELLO", rig.Runtime);

            Assert.AreEqual("OK", rig.Runtime.LastReply);
            Assert.AreEqual(1, rig.Runtime.Restarts);
            Assert.AreEqual(1, rig.Runtime.RepliesBeforeRestart);
            Assert.IsTrue(rig.Unchanged());
        }

        [TestMethod]
        public void Blanks_around_the_message_and_between_words_are_tolerated()
        {
            CommandRig rig = new CommandRig(false);
            Assert.AreEqual("OK", rig.Run("  MCP  RESET   PWD=HELLO \r\n"));
        }

        [TestMethod]
        public void Net_sets_wifi_and_static_address_and_masks_the_password()
        {
            CommandRig rig = new CommandRig(true);

            string reply = rig.Run("MCP NET PWD=HELLO MODE=WIFI SSID=[Meter room] WPWD=topsecret LIP=192.168.1.50 GW=192.168.1.1 DNS=192.168.1.1");

            Assert.AreEqual("MODE=WIFI SSID=[Meter room] WPWD=*** LIP=192.168.1.50 MASK=255.255.255.0 GW=192.168.1.1 DNS=192.168.1.1", reply);
            Assert.AreEqual("topsecret", rig.Executor.Current.WifiPassword);
            Assert.AreEqual("MODE=ETH SSID=[Meter room] WPWD=*** LIP=DHCP MASK=255.255.255.0 GW=192.168.1.1 DNS=192.168.1.1", rig.Run("MCP NET PWD=HELLO MODE=ETH LIP=DHCP"));
            Assert.AreEqual((int)NetworkMode.Ethernet, (int)rig.Executor.Current.Network);
            Assert.AreEqual("", rig.Executor.Current.StaticIp);
        }

        [TestMethod]
        public void Mqtt_sets_broker_credentials_tls_and_prefix()
        {
            CommandRig rig = new CommandRig(false);

            string reply = rig.Run("MCP MQTT PWD=HELLO HOST=broker.example.net PORT=8883 USER=gw MPWD=[p w] TLS=1 PREFIX=site/north ID=gw-7");

            Assert.AreEqual("HOST=broker.example.net PORT=8883 USER=gw MPWD=*** TLS=1 PREFIX=site/north ID=gw-7", reply);
            ConcentratorConfiguration c = rig.Executor.Current;
            Assert.AreEqual("p w", c.MqttPassword);
            Assert.IsTrue(c.MqttTls);
            Assert.AreEqual("gw-7", c.DeviceId);
            Assert.AreEqual("site/north", c.TopicPrefix);
        }

        [TestMethod]
        public void Meter_add_change_list_and_delete()
        {
            CommandRig rig = new CommandRig(false);

            Assert.AreEqual("ID=bus-08 PORT=485 PROTO=IEC ADDR=12345678 MPWD=*** BAUD=9600 INT=900 PRIO=1 OBJ=1.8.0,2.8.0",
                rig.Run("MCP MADD PWD=HELLO ID=bus-08 PORT=485 PROTO=IEC ADDR=12345678 MPWD=0000 BAUD=9600 PRIO=1 OBJ=1.8.0,2.8.0"));
            Assert.AreEqual(3, rig.Executor.Current.MeterCount);
            Assert.AreEqual("0000", rig.Executor.Current.Meter(2).Password);

            Assert.AreEqual("ID=bus-08 PORT=485 PROTO=IEC ADDR=12345678 MPWD=*** BAUD=9600 INT=60 PRIO=1 OBJ=1.8.0,2.8.0",
                rig.Run("MCP MADD PWD=HELLO ID=bus-08 INT=60"));
            Assert.AreEqual(3, rig.Executor.Current.MeterCount);

            Assert.AreEqual("N=3 1=p1:P1/DSMR 2=bus-07:485/HDLC 3=bus-08:485/IEC", rig.Run("MCP MLIST PWD=HELLO"));
            Assert.AreEqual("N=3 2=bus-07:485/HDLC 3=bus-08:485/IEC", rig.Run("MCP MLIST PWD=HELLO FROM=2"));

            Assert.AreEqual("MDEL=bus-07 N=2", rig.Run("MCP MDEL PWD=HELLO ID=bus-07"));
            ConcentratorConfiguration saved = new ConfigurationStore(rig.Storage, "concentrator.conf").Load().Configuration;
            Assert.AreEqual(2, saved.MeterCount);
            Assert.AreEqual("bus-08", saved.Meter(1).Id);
            Assert.AreEqual(60, saved.Meter(1).IntervalSeconds);
        }

        [TestMethod]
        public void Meter_list_of_a_full_inventory_pages_within_one_message()
        {
            CommandRig rig = new CommandRig(false);
            for (int i = 3; i <= ConcentratorConfiguration.MaxMeters; i++)
            {
                string reply = rig.Run("MCP MADD PWD=HELLO ID=bus-" + i.ToString() + " PORT=485 PROTO=HDLC ADDR=1/" + (1000 + i).ToString());
                Assert.AreEqual("ID=bus-" + i.ToString(), reply.Substring(0, reply.IndexOf(' ')));
            }

            Assert.AreEqual("Parameter value incorrect", rig.Run("MCP MADD PWD=HELLO ID=one-more PORT=485 PROTO=HDLC"));

            int listed = 0;
            int from = 1;
            int pages = 0;
            while (from > 0)
            {
                string page = rig.Run("MCP MLIST PWD=HELLO FROM=" + from.ToString());
                Assert.IsTrue(page.Length <= 160, page);
                pages++;
                int next = page.IndexOf(" NEXT=");
                int entries = 0;
                for (int i = 0; i < page.Length; i++)
                {
                    if (page[i] == ':')
                    {
                        entries++;
                    }
                }

                listed += entries;
                from = next < 0 ? 0 : int.Parse(page.Substring(next + 6));
            }

            Assert.AreEqual(ConcentratorConfiguration.MaxMeters, listed);
            Assert.IsTrue(pages > 1);
        }

        [TestMethod]
        public void Poll_sets_every_polled_meter_or_one_meter()
        {
            CommandRig rig = new CommandRig(false);

            Assert.AreEqual("INT=600 N=1", rig.Run("MCP POLL PWD=HELLO INT=600"));
            Assert.AreEqual(0, rig.Executor.Current.Meter(0).IntervalSeconds);
            Assert.AreEqual(600, rig.Executor.Current.Meter(1).IntervalSeconds);
            Assert.AreEqual(600, rig.Executor.Current.PollIntervalSeconds);

            Assert.AreEqual("ID=bus-07 INT=60", rig.Run("MCP POLL PWD=HELLO ID=bus-07 INT=60"));
            Assert.AreEqual(60, rig.Executor.Current.Meter(1).IntervalSeconds);
            Assert.AreEqual(600, rig.Executor.Current.PollIntervalSeconds);
        }

        [TestMethod]
        public void Diagnostics_of_the_concentrator_and_of_one_meter()
        {
            CommandRig rig = new CommandRig(true);

            Assert.AreEqual("UP=3600s MTRS=2 OFF=1 RD=120 ERR=2 Q=5 DROP=1 MQTT=UP HEAP=41000 PWDFAIL=0 SIG=-57dBm LIP=89.24.0.201 PWD=DEFAULT", rig.Run("MCP DIAG PWD=HELLO"));
            Assert.IsFalse(rig.Runtime.AskedCountersOnly, "DIAG asks for the heap and the signal, not only the counters");
            Assert.AreEqual("ID=bus-07 ST=FAILING RD=96 ERR=3 SEQ=2 AGE=1800s LINK=[9600 7E1 mode C] LAST=timeout", rig.Run("MCP DIAG PWD=HELLO ID=bus-07"));
            Assert.AreEqual("ID=p1 ST=NEW RD=0 ERR=0 SEQ=0 AGE= LINK= LAST=", rig.Run("MCP DIAG PWD=HELLO ID=p1"));
            Assert.IsTrue(rig.Unchanged());
        }

        [TestMethod]
        public void Capture_is_armed_for_a_known_meter_and_reports_busy_or_unavailable()
        {
            CommandRig rig = new CommandRig(true);
            Assert.AreEqual("CAPT=ARMED ID=bus-07 N=3", rig.Run("MCP CAPT PWD=HELLO ID=bus-07 N=3"));
            Assert.AreEqual("bus-07", rig.Runtime.ArmedMeter);
            Assert.AreEqual(3, rig.Runtime.ArmedSessions);

            rig.Runtime.CaptureBusy = true;
            Assert.AreEqual("CAPT=BUSY ID=p1", rig.Run("MCP CAPT PWD=HELLO ID=p1"));

            Assert.AreEqual("CAPT=UNAVAILABLE ID=p1", new CommandRig(false).Run("MCP CAPT PWD=HELLO ID=p1"));
        }

        [TestMethod]
        public void Password_guessing_is_locked_out_for_growing_times_and_the_right_password_waits_too()
        {
            CommandRig rig = new CommandRig(false);
            Assert.AreEqual("Password incorrect", rig.Run("MCP INFO PWD=guess1"));
            Assert.AreEqual("Password incorrect", rig.Run("MCP INFO PWD=guess2"));
            Assert.AreNotEqual("Password incorrect", rig.Run("MCP INFO PWD=HELLO"), "two failures cost nothing");

            rig.Run("MCP INFO PWD=guess1");
            rig.Run("MCP INFO PWD=guess2");
            rig.Run("MCP INFO PWD=guess3");
            Assert.AreEqual(30000, (int)rig.Executor.Guard.LockRemaining(rig.Clock.Now));
            Assert.AreEqual("Password incorrect", rig.Run("MCP INFO PWD=HELLO"), "locked: even the right password is refused");
            Assert.AreEqual(30000, (int)rig.Executor.Guard.LockRemaining(rig.Clock.Now), "attempts while locked do not lengthen the lock");

            rig.Clock.Now += 30000;
            rig.Run("MCP INFO PWD=guess4");
            Assert.AreEqual(60000, (int)rig.Executor.Guard.LockRemaining(rig.Clock.Now));
            rig.Clock.Now += 60000;
            rig.Run("MCP INFO PWD=guess5");
            Assert.AreEqual(120000, (int)rig.Executor.Guard.LockRemaining(rig.Clock.Now));

            rig.Clock.Now += 120000;
            Assert.AreEqual("EM_ID=p1+1 SN=concentrator SIG= LIP= STAT=LISTEN TECH=WIFI PWD=DEFAULT", rig.Run("MCP INFO PWD=HELLO"));
            Assert.AreEqual(0, rig.Executor.Guard.Failures);
        }

        [TestMethod]
        public void Lockout_never_exceeds_an_hour()
        {
            PasswordGuard guard = new PasswordGuard();
            long now = 0;
            for (int i = 0; i < 40; i++)
            {
                guard.Check("wrong", "right", now);
                Assert.IsTrue(guard.LockRemaining(now) <= PasswordGuard.MaxLockMilliseconds);
                now += guard.LockRemaining(now);
            }

            guard.Check("wrong", "right", now);
            Assert.AreEqual(PasswordGuard.MaxLockMilliseconds, guard.LockRemaining(now));
        }

        [TestMethod]
        public void Replies_never_show_secrets()
        {
            CommandRig rig = new CommandRig(true);
            rig.Run("MCP CNF PWD=HELLO DPWD=gprs-secret NPWD=admin-secret");
            rig.Run("MCP NET PWD=admin-secret WPWD=wifi-secret");
            rig.Run("MCP MQTT PWD=admin-secret MPWD=mqtt-secret");
            string[] replies =
            {
                rig.Run("MCP INFO PWD=admin-secret"), rig.Run("MCP CNF PWD=admin-secret"), rig.Run("MCP NET PWD=admin-secret"),
                rig.Run("MCP MQTT PWD=admin-secret"), rig.Run("MCP MLIST PWD=admin-secret"), rig.Run("MCP MADD PWD=admin-secret ID=bus-07"),
                rig.Run("MCP DIAG PWD=admin-secret"),
            };

            for (int i = 0; i < replies.Length; i++)
            {
                Assert.AreEqual(-1, replies[i].IndexOf("secret"), replies[i]);
                Assert.AreEqual(-1, replies[i].IndexOf("00000000"), replies[i]);
            }
        }
    }
}
