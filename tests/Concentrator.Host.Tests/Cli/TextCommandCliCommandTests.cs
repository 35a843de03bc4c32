using System;
using System.IO;
using System.Text;
using Concentrator.Core.Configuration;
using Concentrator.Host.Configuration;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Cli;

[TestClass]
public sealed class TextCommandCliCommandTests
{
    [TestMethod]
    public void One_message_runs_against_the_file_and_the_change_is_saved_with_the_previous_copy_kept()
    {
        string directory = NewDirectory();
        string file = Path.Combine(directory, "gw.conf");
        File.WriteAllText(file, "wifi.ssid=Cabinet\nmqtt.host=192.168.1.10\n");

        CliRun run = CliRun.InProcess("command", "--config", file, "MCP CNF PWD=HELLO IP=10.0.25.30 PORT=58600");

        Assert.AreEqual(0, run.ExitCode, run.Error);
        Assert.AreEqual("APN= DUSR= DPWD= IP=10.0.25.30 PORT=58600 RINT=1\n", run.Output);
        Assert.IsTrue(File.Exists(file + ".prev"));
        ConfigurationLoad load = new ConfigurationStore(new FileConfigurationStorage(directory), "gw.conf").Load();
        Assert.AreEqual(ConfigurationSource.Current, load.Source);
        Assert.AreEqual("10.0.25.30", load.Configuration.MqttHost);
        Assert.AreEqual("Cabinet", load.Configuration.WifiSsid);
    }

    [TestMethod]
    public void Commands_from_standard_input_each_get_a_reply_line_and_an_error_sets_the_exit_code()
    {
        string file = Path.Combine(NewDirectory(), "gw.conf");
        byte[] input = Encoding.ASCII.GetBytes("# setup\nMCP MADD PWD=HELLO ID=bus-01 PORT=485 PROTO=HDLC ADDR=1/1234\n\nMCP MLIST PWD=HELLO\nMCP INFO PWD=wrong\n");

        CliRun run = CliRun.InProcess(input, "command", "--config", file);

        Assert.AreEqual(1, run.ExitCode);
        CollectionAssert.AreEqual(
            new[] { "ID=bus-01 PORT=485 PROTO=HDLC ADDR=1/1234 MPWD= BAUD=0 INT=900 PRIO=0 OBJ=", "N=1 1=bus-01:485/HDLC", "Password incorrect" },
            run.OutputLines);
    }

    [TestMethod]
    public void Missing_config_option_is_a_usage_error()
    {
        CliRun run = CliRun.InProcess("command", "MCP INFO PWD=HELLO");
        Assert.AreEqual(2, run.ExitCode);
        StringAssert.Contains(run.Error, "missing --config FILE");
    }

    private static string NewDirectory()
    {
        string directory = Path.Combine(Path.GetTempPath(), "concentrator-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }
}
