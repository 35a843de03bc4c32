using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace Concentrator.Host.Tests.Support;

/// <summary>Runs a program from the machine (openssl, mosquitto_passwd, mosquitto_sub …) with a bounded wait.</summary>
public static class ExternalCommand
{
    private static readonly string[] ExtraSearchFolders = { "/usr/sbin", "/usr/local/sbin", "/sbin" };

    /// <summary>
    /// The full path of <paramref name="name"/> from PATH or the sbin folders (mosquitto installs to /usr/sbin,
    /// which is not on every user's PATH). Throws with an install hint when it is missing, so a test that needs
    /// it fails instead of being skipped.
    /// </summary>
    public static string Find(string name, string installHint)
    {
        List<string> folders = new();
        string? path = Environment.GetEnvironmentVariable("PATH");
        if (path is not null)
        {
            folders.AddRange(path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        }

        folders.AddRange(ExtraSearchFolders);
        foreach (string folder in folders)
        {
            string candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"'{name}' was not found on PATH or in /usr/sbin. {installHint}");
    }

    /// <summary>Runs to completion within <paramref name="timeout"/> (killed otherwise) and returns exit code and output.</summary>
    public static (int ExitCode, string Output) Run(string executable, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        ProcessStartInfo startInfo = new(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        StringBuilder output = new();
        using Process process = new() { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(5));
            throw new TimeoutException($"{Path.GetFileName(executable)} did not finish within {timeout.TotalSeconds} s. Output:\n{Read(output)}");
        }

        process.WaitForExit(); // drains the redirected streams
        return (process.ExitCode, Read(output));
    }

    /// <summary>Like <see cref="Run"/>, but a non-zero exit code throws with the output.</summary>
    public static string RunChecked(string executable, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        (int exitCode, string output) = Run(executable, arguments, timeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(executable)} {string.Join(' ', arguments)} exited with {exitCode}:\n{output}");
        }

        return output;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
