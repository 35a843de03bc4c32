using System;
using System.IO;

namespace Concentrator.Host.Tests.Support;

/// <summary>
/// A throwaway certificate authority and a server certificate it signed (names: localhost and 127.0.0.1),
/// generated with the machine's openssl into a temporary folder. EC P-256 keys keep generation fast.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private static readonly TimeSpan OpensslTimeout = TimeSpan.FromSeconds(20);

    private TestCertificates(string directory)
    {
        Directory = directory;
        CaCertificateFile = Path.Combine(directory, "ca.crt");
        CaKeyFile = Path.Combine(directory, "ca.key");
        ServerCertificateFile = Path.Combine(directory, "server.crt");
        ServerKeyFile = Path.Combine(directory, "server.key");
    }

    public string Directory { get; }

    public string CaCertificateFile { get; }

    public string CaKeyFile { get; }

    public string ServerCertificateFile { get; }

    public string ServerKeyFile { get; }

    /// <summary>Creates a CA and a server certificate for localhost / 127.0.0.1 signed by it.</summary>
    public static TestCertificates Create()
    {
        TestCertificates certificates = CreateAuthorityOnly();
        try
        {
            string openssl = FindOpenssl();
            string request = Path.Combine(certificates.Directory, "server.csr");
            string extensions = Path.Combine(certificates.Directory, "server.ext");
            File.WriteAllText(extensions, "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n");
            ExternalCommand.RunChecked(openssl, new[]
            {
                "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", certificates.ServerKeyFile, "-out", request, "-subj", "/CN=localhost",
            }, OpensslTimeout);
            ExternalCommand.RunChecked(openssl, new[]
            {
                "x509", "-req", "-in", request, "-CA", certificates.CaCertificateFile, "-CAkey", certificates.CaKeyFile,
                "-CAcreateserial", "-days", "2", "-sha256", "-extfile", extensions, "-out", certificates.ServerCertificateFile,
            }, OpensslTimeout);
            return certificates;
        }
        catch
        {
            certificates.Dispose();
            throw;
        }
    }

    /// <summary>Creates only a CA (to show that a server certificate from another CA is refused).</summary>
    public static TestCertificates CreateAuthorityOnly()
    {
        string openssl = FindOpenssl();
        TestCertificates certificates = new(System.IO.Directory.CreateTempSubdirectory("mqtt-tls-test-").FullName);
        try
        {
            ExternalCommand.RunChecked(openssl, new[]
            {
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", certificates.CaKeyFile, "-out", certificates.CaCertificateFile, "-days", "2", "-sha256",
                "-subj", "/CN=Concentrator Test CA " + Guid.NewGuid().ToString("N"),
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            }, OpensslTimeout);
            return certificates;
        }
        catch
        {
            certificates.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindOpenssl() => ExternalCommand.Find("openssl", "Install it: apt-get install -y openssl");
}
