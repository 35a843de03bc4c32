using System.Text;
using System.Text.Json;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Cli;

[TestClass]
public sealed class DecodeDlmsCommandTests
{
    private static CliRun Decode(string hex) => CliRun.InProcess(Encoding.ASCII.GetBytes(hex), "decode", "--protocol", "dlms", "--hex", "-");

    [TestMethod]
    public void Decodes_an_association_and_a_GET_exchange_one_line_per_APDU()
    {
        // AARQ/AARE from a published HDLC capture of a meter with a password; GET of the logical device name.
        CliRun run = Decode(
            "60 36 A1 09 06 07 60 85 74 05 08 01 01 8A 02 07 80 8B 07 60 85 74 05 08 02 01 AC 0A 80 08 78 52 77 50 62 45 78 46 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 7E 1F 01 00\n" +
            "61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 18 1D 01 80 00 07\n" +
            "C0 01 C1 00 01 00 00 2A 00 00 FF 02 00\n" +
            "C4 01 C1 00 09 03 4C 47 5A\n" +
            "C4 03 C2 02 00 02 02 0F FD 16 1E 01 04\n" +
            "62 03 80 01 00");

        Assert.AreEqual(0, run.ExitCode, run.Error + run.Output);
        string[] lines = run.OutputLines;
        Assert.AreEqual(6, lines.Length, run.Output);

        using (JsonDocument aarq = JsonDocument.Parse(lines[0]))
        {
            JsonElement root = aarq.RootElement;
            Assert.AreEqual("dlms", root.GetProperty("protocol").GetString());
            Assert.AreEqual("aarq", root.GetProperty("apdu").GetString());
            Assert.AreEqual("low", root.GetProperty("authentication").GetString());
            Assert.AreEqual(8, root.GetProperty("password_length").GetInt32());
            Assert.IsFalse(lines[0].Contains("xRwPbExF"), "the password is never printed");
            Assert.AreEqual(256, root.GetProperty("max_pdu_size").GetInt32());
        }

        using (JsonDocument aare = JsonDocument.Parse(lines[1]))
        {
            JsonElement root = aare.RootElement;
            Assert.AreEqual("accepted", root.GetProperty("result").GetString());
            Assert.AreEqual(384, root.GetProperty("max_pdu_size").GetInt32());
            Assert.AreEqual("block-transfer-with-get-or-read", root.GetProperty("conformance")[0].GetString());
        }

        using (JsonDocument get = JsonDocument.Parse(lines[2]))
        {
            JsonElement root = get.RootElement;
            Assert.AreEqual("get-request", root.GetProperty("apdu").GetString());
            Assert.AreEqual("0-0:42.0.0*255", root.GetProperty("obis").GetString());
            Assert.AreEqual(1, root.GetProperty("class_id").GetInt32());
        }

        using (JsonDocument response = JsonDocument.Parse(lines[3]))
        {
            JsonElement data = response.RootElement.GetProperty("data");
            Assert.AreEqual("octet-string", data.GetProperty("type").GetString());
            Assert.AreEqual("4C475A", data.GetProperty("value").GetString());
        }

        using (JsonDocument list = JsonDocument.Parse(lines[4]))
        {
            JsonElement results = list.RootElement.GetProperty("results");
            Assert.AreEqual(2, results.GetArrayLength());
            JsonElement scalerUnit = results[0].GetProperty("data");
            Assert.AreEqual("structure", scalerUnit.GetProperty("type").GetString());
            Assert.AreEqual(-3, scalerUnit.GetProperty("value")[0].GetProperty("value").GetInt32());
            Assert.AreEqual("object-undefined", results[1].GetProperty("data_access_result").GetString());
        }

        StringAssert.Contains(lines[5], "\"apdu\":\"rlrq\",\"reason\":\"normal\"");
    }

    [TestMethod]
    public void A_truncated_response_names_the_failed_check_and_where()
    {
        CliRun run = Decode("C4 01 C1 00 06 00 01");
        Assert.AreEqual(1, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.OutputLines[0]);
        Assert.IsFalse(document.RootElement.GetProperty("ok").GetBoolean());
        Assert.AreEqual("APDU at byte 0 (GET-Response): data: A-XDR data complete (the APDU ends inside a value) at byte 4; 7 bytes left undecoded",
            document.RootElement.GetProperty("error").GetString());
    }

    [TestMethod]
    public void An_unknown_first_byte_is_reported()
    {
        CliRun run = Decode("7E A0 07 03 21 93 0F 01 7E");
        Assert.AreEqual(1, run.ExitCode);
        StringAssert.Contains(run.OutputLines[0], "tag 0x7E): first byte is a known APDU tag");
    }

    [TestMethod]
    public void Exception_responses_and_profile_requests_with_selective_access_are_named()
    {
        CliRun run = Decode(
            "D8 01 03 " +
            "C0 01 C1 00 07 01 00 63 01 00 FF 02 01 01 02 04 02 04 12 00 08 09 06 00 00 01 00 00 FF 0F 02 12 00 00 " +
            "09 0C 07 EA 0B 15 06 00 00 00 00 FF C4 00 09 0C 07 EA 0B 15 06 01 00 00 00 FF C4 00 01 00");
        Assert.AreEqual(0, run.ExitCode, run.Output);
        StringAssert.Contains(run.OutputLines[0], "\"state_error\":\"service-not-allowed\",\"service_error\":\"pdu-too-long\"");
        using JsonDocument request = JsonDocument.Parse(run.OutputLines[1]);
        JsonElement access = request.RootElement.GetProperty("selective_access");
        Assert.AreEqual("range", access.GetProperty("selector").GetString());
        Assert.AreEqual("2026-11-21T00:00:00+01:00", access.GetProperty("from").GetString());
        Assert.AreEqual("2026-11-21T01:00:00+01:00", access.GetProperty("to").GetString());
    }
}
