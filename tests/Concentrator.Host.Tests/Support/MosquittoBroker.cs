using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;

namespace Concentrator.Host.Tests.Support;

/// <summary>
/// A real mosquitto broker for one test: its own process on a free loopback port, a generated configuration
/// (<c>listener PORT 127.0.0.1</c>, persistence off, optional password file and TLS) in a temporary folder.
/// <see cref="Start"/> returns once the port accepts connections. <see cref="Stop"/>, <see cref="Restart"/>
/// (same port), <see cref="Pause"/> and <see cref="Resume"/> simulate an outage. Dispose kills the process
/// and deletes the folder; brokers still running when the test process exits are killed too.
/// </summary>
public sealed class MosquittoBroker : IDisposable
{
    public const string Host = "127.0.0.1";

    private const int SignalTerminate = 15;
    private const int SignalContinue = 18;
    private const int SignalStop = 19;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    private readonly string _executable;
    private readonly string _directory;
    private readonly string _configurationFile;
    private readonly StringBuilder _log = new();
    private Process? _process;
    private bool _disposed;

    static MosquittoBroker()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAllRunning();
    }

    private MosquittoBroker(string executable, string directory, int port, MosquittoBrokerOptions options)
    {
        _executable = executable;
        _directory = directory;
        Port = port;
        Options = options;
        _configurationFile = Path.Combine(directory, "mosquitto.conf");
    }

    public int Port { get; }

    public MosquittoBrokerOptions Options { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What mosquitto printed so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// Starts mosquitto and waits until it accepts TCP connections. Throws (and so fails the test) when mosquitto
    /// is not installed or does not come up.
    /// </summary>
    public static MosquittoBroker Start(MosquittoBrokerOptions? options = null)
    {
        options ??= new MosquittoBrokerOptions();
        string executable = ExternalCommand.Find("mosquitto", "Install it: apt-get update && apt-get install -y mosquitto mosquitto-clients");
        string directory = Directory.CreateTempSubdirectory("mosquitto-test-").FullName;
        try
        {
            // A free port can be taken by someone else between probing and binding: try a few.
            InvalidOperationException? lastFailure = null;
            for (int attempt = 0; attempt < 3; attempt++)
            {
                MosquittoBroker broker = new(executable, directory, FindFreePort(), options);
                broker.WriteConfiguration();
                try
                {
                    broker.Launch();
                    return broker;
                }
                catch (InvalidOperationException exception) when (broker.Log.Contains("Address already in use", StringComparison.Ordinal))
                {
                    broker.KillProcess();
                    lastFailure = exception;
                }
            }

            throw lastFailure!;
        }
        catch
        {
            TryDeleteDirectory(directory);
            throw;
        }
    }

    /// <summary>Stops the broker: SIGTERM, then SIGKILL if it has not exited within a few seconds. Open connections close.</summary>
    public void Stop()
    {
        Process? process = _process;
        if (process is null || process.HasExited)
        {
            return;
        }

        SendSignal(process, SignalContinue); // a paused broker cannot act on SIGTERM
        SendSignal(process, SignalTerminate);
        if (!process.WaitForExit(StopTimeout))
        {
            KillProcess();
        }

        Forget(process);
    }

    /// <summary>Kills the broker with SIGKILL, as a crash or power cut would.</summary>
    public void Kill() => KillProcess();

    /// <summary>Stops the broker if it runs and starts it again on the same port and configuration.</summary>
    public void Restart()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Stop();
        Launch();
    }

    /// <summary>SIGSTOP: the broker keeps its sockets open but answers nothing, like a hung host.</summary>
    public void Pause() => SendSignal(RequireProcess(), SignalStop);

    /// <summary>SIGCONT after <see cref="Pause"/>.</summary>
    public void Resume() => SendSignal(RequireProcess(), SignalContinue);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        KillProcess();
        TryDeleteDirectory(_directory);
    }

    private void WriteConfiguration()
    {
        StringBuilder configuration = new();
        configuration.Append("listener ").Append(Port).Append(' ').AppendLine(Host);
        if (Options.Tls is not null)
        {
            configuration.Append("cafile ").AppendLine(Options.Tls.CaCertificateFile);
            configuration.Append("certfile ").AppendLine(Options.Tls.ServerCertificateFile);
            configuration.Append("keyfile ").AppendLine(Options.Tls.ServerKeyFile);
        }

        configuration.Append("allow_anonymous ").AppendLine(Options.AllowAnonymous ? "true" : "false");
        if (Options.Persistence)
        {
            configuration.AppendLine("persistence true");
            configuration.Append("persistence_location ").AppendLine(_directory + Path.DirectorySeparatorChar);
            configuration.AppendLine("max_queued_messages 0");
        }
        else
        {
            configuration.AppendLine("persistence false");
        }

        // Started as root, mosquitto would switch to the 'mosquitto' user and could not read our files.
        configuration.Append("user ").AppendLine(Environment.UserName);
        configuration.AppendLine("log_dest stderr");
        configuration.AppendLine("log_type all");

        if (Options.Users.Count > 0)
        {
            string passwordFile = Path.Combine(_directory, "passwords");
            string passwordTool = ExternalCommand.Find("mosquitto_passwd", "It comes with the mosquitto package.");
            bool first = true;
            foreach (KeyValuePair<string, string> user in Options.Users)
            {
                List<string> arguments = new() { "-b" };
                if (first)
                {
                    arguments.Add("-c");
                }

                arguments.AddRange(new[] { passwordFile, user.Key, user.Value });
                ExternalCommand.RunChecked(passwordTool, arguments, TimeSpan.FromSeconds(10));
                first = false;
            }

            configuration.Append("password_file ").AppendLine(passwordFile);
        }

        File.WriteAllText(_configurationFile, configuration.ToString());
    }

    private void Launch()
    {
        ProcessStartInfo startInfo = new(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(_configurationFile);

        Process process = new() { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => AppendLog(e.Data);
        process.ErrorDataReceived += (_, e) => AppendLog(e.Data);
        process.Start();
        Running[process.Id] = process;
        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        long deadline = Environment.TickCount64 + (long)StartTimeout.TotalMilliseconds;
        while (Environment.TickCount64 < deadline)
        {
            if (process.HasExited)
            {
                process.WaitForExit(); // drain output into the log
                Forget(process);
                throw new InvalidOperationException($"mosquitto exited with {process.ExitCode} right after starting on port {Port}. Its output:\n{Log}");
            }

            if (AcceptsConnections())
            {
                return;
            }

            Thread.Sleep(20);
        }

        KillProcess();
        throw new InvalidOperationException($"mosquitto did not accept connections on port {Port} within {StartTimeout.TotalSeconds} s. Its output:\n{Log}");
    }

    private bool AcceptsConnections()
    {
        using Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void KillProcess()
    {
        Process? process = _process;
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(StopTimeout);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }

        Forget(process);
    }

    private void Forget(Process process)
    {
        Running.TryRemove(process.Id, out _);
        if (ReferenceEquals(_process, process))
        {
            _process = null;
        }

        process.Dispose();
    }

    private Process RequireProcess() =>
        _process is { HasExited: false } process ? process : throw new InvalidOperationException("The broker is not running.");

    private void AppendLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static void SendSignal(Process process, int signal)
    {
        if (kill(process.Id, signal) != 0 && !process.HasExited)
        {
            throw new InvalidOperationException($"kill({process.Id}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    private static int FindFreePort()
    {
        TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void KillAllRunning()
    {
        foreach (Process process in Running.Values)
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
