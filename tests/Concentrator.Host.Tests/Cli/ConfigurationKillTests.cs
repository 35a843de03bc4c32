using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using Concentrator.Core.Configuration;
using Concentrator.Host.Configuration;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Cli;

/// <summary>
/// The process killed while it saves configuration after configuration: what was acknowledged is on disk, and what
/// loads is always a whole configuration.
/// </summary>
[TestClass]
public sealed class ConfigurationKillTests
{
    [TestMethod]
    public void Killed_while_saving_loads_a_whole_configuration_with_every_acknowledged_change()
    {
        string directory = Path.Combine(Path.GetTempPath(), "concentrator-kill-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string file = Path.Combine(directory, "gw.conf");
        var seed = new StringBuilder("wifi.ssid=Cabinet\nmqtt.host=192.168.1.10\npoll.interval_s=10\n");
        for (int i = 1; i <= 32; i++)
        {
            seed.Append("meter=ID=bus-").Append(i).Append(" PORT=485 PROTO=HDLC ADDR=1/").Append(1000 + i).Append(" MPWD=00000000 OBJ=1.8.0,2.8.0,1.7.0\n");
        }

        File.WriteAllText(file, seed.ToString());
        int interval = 10;
        var random = new Random(6);
        try
        {
            for (int round = 0; round < 6; round++)
            {
                int acknowledged = 0;
                int sent = 0;
                using Process process = CliRun.StartProcess("command", "--config", file);
                process.OutputDataReceived += (_, e) =>
                {
                    if (e.Data is not null && e.Data.StartsWith("INT=", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref acknowledged);
                    }
                };
                process.BeginOutputReadLine();
                int killAfter = 3 + random.Next(40);
                try
                {
                    while (Volatile.Read(ref acknowledged) < killAfter)
                    {
                        sent++;
                        process.StandardInput.WriteLine("MCP POLL PWD=HELLO INT=" + (interval + sent).ToString(System.Globalization.CultureInfo.InvariantCulture));
                        process.StandardInput.Flush();
                        if (sent - Volatile.Read(ref acknowledged) > 5)
                        {
                            Thread.Sleep(1);
                        }

                        Assert.IsTrue(sent < 100000, "the process does not answer");
                    }
                }
                finally
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10000);
                }

                int acked = Volatile.Read(ref acknowledged);
                ConfigurationLoad load = new ConfigurationStore(new FileConfigurationStorage(directory), "gw.conf").Load();
                Assert.IsTrue(load.Source is ConfigurationSource.Current or ConfigurationSource.Unfinished or ConfigurationSource.Previous, "round " + round + ": " + load.Source);
                Assert.IsNull(load.ValidationProblem, load.ValidationProblem);
                Assert.AreEqual(32, load.Configuration.MeterCount, "round " + round);
                int loaded = load.Configuration.PollIntervalSeconds;
                Assert.IsTrue(loaded >= interval + acked && loaded <= interval + sent, "round " + round + ": loaded " + loaded + ", acknowledged up to " + (interval + acked) + ", sent up to " + (interval + sent));
                for (int i = 0; i < load.ProblemCount; i++)
                {
                    StringAssert.EndsWith(load.Problem(i), "ignored", "only a cut-off copy may be skipped: " + load.Problem(i));
                }

                interval = loaded;
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
