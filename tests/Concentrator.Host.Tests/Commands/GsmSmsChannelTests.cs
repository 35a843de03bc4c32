using Concentrator.Host.Timing;
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Concentrator.Core.Commands;
using Concentrator.Core.Configuration;
using Concentrator.Core.Modem;
using Concentrator.Host.Configuration;
using Concentrator.Host.Simulation;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Commands;

[TestClass]
public sealed class GsmSmsChannelTests
{
    private const string Installer = "+420603123456";

    [TestMethod]
    public void Initialize_sets_up_text_mode_and_answers_messages_that_arrived_while_off()
    {
        using var rig = new Rig();
        rig.Modem.Deliver(Installer, "MCP INFO PWD=HELLO");

        Assert.IsTrue(rig.Channel.Initialize(), rig.Channel.LastProblem);

        CollectionAssert.AreEqual(
            new[] { "AT", "ATE0", "AT+CMGF=1", "AT+CSCS=\"IRA\"", "AT+CSDH=1", "AT+CNMI=2,1,0,0,0", "AT+CMGL=\"ALL\"", "AT+CMGR=1", "AT+CMGS=\"" + Installer + "\"", "AT+CMGD=1" },
            rig.Modem.Commands.ToArray());
        Assert.AreEqual(1, rig.Modem.Sent.Count);
        Assert.AreEqual(Installer, rig.Modem.Sent[0].Number);
        Assert.AreEqual("EM_ID= SN=concentrator SIG= LIP= STAT=LISTEN TECH=WIFI PWD=DEFAULT", rig.Modem.Sent[0].Text);
        Assert.AreEqual(0, rig.Modem.StoredCount);
    }

    [TestMethod]
    public void New_message_indication_leads_to_read_reply_and_delete_and_the_change_is_on_disk()
    {
        using var rig = new Rig();
        Assert.IsTrue(rig.Channel.Initialize());

        rig.Modem.Deliver(Installer, "MCP CNF PWD=HELLO APN=internet.t-mobile.cz DUSR=internet DPWD= IP=10.0.25.30 PORT=58600 RINT=2");
        rig.Channel.Poll(2000);

        Assert.AreEqual("APN=internet.t-mobile.cz DUSR=internet DPWD= IP=10.0.25.30 PORT=58600 RINT=2", rig.Modem.Sent.Single().Text);
        Assert.AreEqual(0, rig.Modem.StoredCount);
        Assert.AreEqual(1, rig.Channel.CommandsHandled);
        ConfigurationLoad reloaded = new ConfigurationStore(new FileConfigurationStorage(rig.Directory), "concentrator.conf").Load();
        Assert.AreEqual("10.0.25.30", reloaded.Configuration.MqttHost);
        Assert.AreEqual(58600, reloaded.Configuration.MqttPort);
    }

    [TestMethod]
    public void Ucs2_message_is_answered_unknown_command_and_not_run()
    {
        using var rig = new Rig();
        Assert.IsTrue(rig.Channel.Initialize());

        // A diacritic anywhere makes the phone send UCS-2 (DCS 0x08); text mode shows it as hex: 004D00430050 is "MCP".
        string ucs2 = string.Concat("MCP RESET PWD=HELLO \u00e1".Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)));
        rig.Modem.Deliver(Installer, ucs2, coding: 8);
        rig.Channel.Poll(2000);

        Assert.AreEqual(CommandReplies.UnknownCommand, rig.Modem.Sent.Single().Text);
        Assert.AreEqual(1, rig.Channel.MessagesRejected);
        Assert.AreEqual(0, rig.Channel.CommandsHandled);
        Assert.IsFalse(rig.Executor.RestartPending);
        Assert.AreEqual(0, rig.Modem.StoredCount);
    }

    [TestMethod]
    public void Part_of_a_concatenated_message_is_answered_unknown_command()
    {
        using var rig = new Rig();
        Assert.IsTrue(rig.Channel.Initialize());

        rig.Modem.Deliver(Installer, "MCP CNF PWD=HELLO APN=internet", firstOctet: 0x44);
        rig.Channel.Poll(2000);

        Assert.AreEqual(CommandReplies.UnknownCommand, rig.Modem.Sent.Single().Text);
        Assert.AreEqual("", rig.Executor.Current.Apn);
    }

    [TestMethod]
    public void Messages_without_a_command_and_senders_that_cannot_be_answered_are_deleted_silently()
    {
        using var rig = new Rig();
        Assert.IsTrue(rig.Channel.Initialize());

        rig.Modem.Deliver("+420777000111", "Your parcel is waiting, click here");
        rig.Modem.Deliver("Vodafone", "MCP INFO PWD=HELLO");
        rig.Channel.Poll(2000);
        rig.Channel.Poll(200);

        Assert.AreEqual(0, rig.Modem.Sent.Count);
        Assert.AreEqual(2, rig.Channel.MessagesIgnored);
        Assert.AreEqual(0, rig.Modem.StoredCount);
    }

    [TestMethod]
    public void A_message_reading_OK_or_several_lines_does_not_put_the_channel_out_of_step()
    {
        using var rig = new Rig();
        Assert.IsTrue(rig.Channel.Initialize());

        rig.Modem.Deliver("+420777000111", "OK");
        rig.Modem.Deliver("+420777000111", "line one\r\n\r\nOK\r\nERROR");
        rig.Modem.Deliver(Installer, "MCP MLIST PWD=HELLO");
        for (int i = 0; i < 5 && rig.Modem.Sent.Count == 0; i++)
        {
            rig.Channel.Poll(1000);
        }

        Assert.AreEqual("N=0", rig.Modem.Sent.Single().Text, rig.Channel.LastProblem);
        Assert.AreEqual(2, rig.Channel.MessagesIgnored);
        Assert.AreEqual(0, rig.Modem.StoredCount);
        Assert.IsNull(rig.Channel.LastProblem);
    }

    [TestMethod]
    public void Without_header_details_a_message_reading_OK_is_told_from_the_result_by_the_framing()
    {
        using var rig = new Rig();
        rig.Modem.NoHeaderDetails = true;
        Assert.IsTrue(rig.Channel.Initialize());

        rig.Modem.Deliver("+420777000111", "OK");
        rig.Modem.Deliver(Installer, "MCP MLIST PWD=HELLO\r\nthanks");
        for (int i = 0; i < 5 && rig.Modem.Sent.Count == 0; i++)
        {
            rig.Channel.Poll(1000);
        }

        // The two lines arrive as one text; a line break is no parameter separator (manual: "separated with a space"),
        // so the password reads "HELLO\nthanks".
        Assert.AreEqual("Password incorrect", rig.Modem.Sent.Single().Text);
        Assert.AreEqual(1, rig.Channel.MessagesIgnored);
        Assert.IsNull(rig.Channel.LastProblem);
    }

    [TestMethod]
    public void Refused_reply_is_counted_and_the_message_still_deleted()
    {
        using var rig = new Rig();
        Assert.IsTrue(rig.Channel.Initialize());
        rig.Modem.RefuseSending = true;

        rig.Modem.Deliver(Installer, "MCP INFO PWD=HELLO");
        rig.Channel.Poll(2000);

        Assert.AreEqual(1, rig.Channel.ReplyFailures);
        Assert.AreEqual("AT+CMGS=\"" + Installer + "\": +CMS ERROR: 500", rig.Channel.LastProblem);
        Assert.AreEqual(0, rig.Modem.StoredCount);
    }

    [TestMethod]
    public void Modem_without_header_details_still_serves_commands()
    {
        using var rig = new Rig();
        rig.Modem.NoHeaderDetails = true;
        Assert.IsTrue(rig.Channel.Initialize());

        rig.Modem.Deliver(Installer, "MCP MLIST PWD=HELLO");
        rig.Channel.Poll(2000);

        Assert.AreEqual("N=0", rig.Modem.Sent.Single().Text);
    }

    [TestMethod]
    public void Silent_modem_fails_initialisation_within_the_timeouts()
    {
        using var rig = new Rig(commandTimeoutMilliseconds: 300);
        rig.Modem.Silent = true;
        var watch = Stopwatch.StartNew();

        Assert.IsFalse(rig.Channel.Initialize());

        Assert.AreEqual("AT: timeout", rig.Channel.LastProblem);
        Assert.IsTrue(watch.ElapsedMilliseconds < 3000, watch.ElapsedMilliseconds.ToString());
    }

    private sealed class Rig : IDisposable
    {
        public Rig(int commandTimeoutMilliseconds = 2000)
        {
            Directory = Path.Combine(Path.GetTempPath(), "concentrator-sms-" + Guid.NewGuid().ToString("N"));
            var store = new ConfigurationStore(new FileConfigurationStorage(Directory), "concentrator.conf");
            var clock = new StopwatchClock();
            Executor = new CommandExecutor(store, store.Load().Configuration, clock, null, null, null);
            Channel = new GsmSmsChannel(Modem, Executor, clock, new GsmModemOptions { CommandTimeoutMilliseconds = commandTimeoutMilliseconds, SendTimeoutMilliseconds = 2000 });
        }

        public string Directory { get; }

        public SimulatedGsmModem Modem { get; } = new();

        public CommandExecutor Executor { get; }

        public GsmSmsChannel Channel { get; }

        public void Dispose()
        {
            if (System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
        }
    }
}
