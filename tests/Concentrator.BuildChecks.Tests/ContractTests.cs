using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.BuildChecks.Tests
{
    [TestClass]
    public sealed class ContractTests
    {
        private static readonly string[] AllContracts = Directory.GetDirectories(Paths.ContractsDir)
            .Select(Path.GetFileName)
            .Where(name => File.Exists(Path.Combine(Paths.ContractsDir, name, name + ".csproj")))
            .OrderBy(name => name)
            .ToArray();

        private static Compilation Compile(string source, params string[] contracts)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp9));
            var references = new[] { "mscorlib" }.Concat(contracts).Distinct()
                .Select(name => MetadataReference.CreateFromFile(Paths.ContractAssembly(name)));
            return CSharpCompilation.Create("Snippet", new[] { tree }, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        }

        private static string[] Errors(Compilation compilation) =>
            compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();

        private static void AssertRejected(string body, params string[] contracts)
        {
            var errors = Errors(Compile("using System; using System.Text; class Snippet { void M() { " + body + " } }", contracts));
            Assert.IsTrue(errors.Length > 0, "expected a compile error for: " + body);
        }

        private static void AssertAccepted(string source, params string[] contracts)
        {
            var errors = Errors(Compile(source, contracts));
            Assert.AreEqual(0, errors.Length, string.Join("\n", errors));
        }

        [TestMethod]
        public void ThingsNanoFrameworkLacksDoNotCompile()
        {
            var everything = AllContracts;
            AssertRejected("var l = new System.Collections.Generic.List<int>();", everything);
            AssertRejected("var e = Encoding.ASCII;", everything);
            AssertRejected("decimal d = 1m;", everything);
            AssertRejected("var s = string.Join(\",\", new string[0]);", everything);
            AssertRejected("var s = \"a\".Replace(\"a\", \"b\");", everything);
            AssertRejected("var s = Encoding.UTF8.GetString(new byte[1]);", everything);
            AssertRejected("var t = TimeSpan.FromMilliseconds(1.5);", everything);
            AssertRejected("var t = DateTime.Now;", everything);
            AssertRejected("System.GC.Collect();", everything);
            AssertRejected("int? x = null;", everything);
            AssertRejected("var t = (1, 2);", everything);
            AssertRejected("Span<byte> s = default;", everything);
            AssertRejected("var p = System.IO.Ports.Parity.Mark;", everything);
            AssertRejected("new System.IO.Ports.SerialPort(\"COM2\").DiscardInBuffer();", everything);
            AssertRejected("Action<int> a = null;", everything);
            AssertRejected("var r = Math.Round(1.25, 1);", everything);
        }

        [TestMethod]
        public void LinqNamespaceDoesNotExist()
        {
            var errors = Errors(Compile("using System.Linq; class Snippet { }", AllContracts));
            Assert.IsTrue(errors.Any(e => e.Contains("CS0234")), string.Join("\n", errors));
        }

        [TestMethod]
        public void EnvironmentIsInRuntimeNativeNotInMscorlib()
        {
            const string source = "class Snippet { long M() => System.Environment.TickCount64; }";
            Assert.IsTrue(Errors(Compile(source)).Length > 0, "mscorlib alone must not have Environment");
            AssertAccepted(source, "nanoFramework.Runtime.Native");
        }

        [TestMethod]
        public void MathIsInSystemMathNotInMscorlib()
        {
            const string source = "class Snippet { int M() => System.Math.Max(1, 2); }";
            Assert.IsTrue(Errors(Compile(source)).Length > 0, "mscorlib alone must not have a public Math");
            AssertAccepted(source, "System.Math");
        }

        [TestMethod]
        public void OrdinaryCoreCodeCompiles()
        {
            const string source = @"
using System;
using System.Collections;
using System.Text;
using System.Threading;
namespace Core
{
    public enum Status : byte { Ok, NeedMoreData }
    public delegate void ReadingHandler(string obis, double value);
    public sealed class Reader : IDisposable
    {
        private readonly byte[] _buffer = new byte[] { 0x2F, 0x3F, 0x21, 0x0D, 0x0A };
        private readonly ArrayList _list = new ArrayList();
        private readonly Hashtable _byObis = new Hashtable();
        private readonly Queue _queue = new Queue();
        private readonly StringBuilder _builder = new StringBuilder(64);
        private readonly AutoResetEvent _signal = new AutoResetEvent(false);
        private int _count;
        public event ReadingHandler ReadingDecoded;
        public Status Feed(byte[] data, int offset, int count)
        {
            lock (_list)
            {
                Interlocked.Increment(ref _count);
                Array.Copy(data, offset, _buffer, 0, Math.Min(count, _buffer.Length));
                string text = Encoding.UTF8.GetString(data, offset, count);
                string[] parts = text.Split('(', ')');
                double value = double.Parse(parts[0]);
                int hex = Convert.ToInt32(""1F"", 16);
                _builder.Clear().Append(hex.ToString(""X4"")).Append(value.ToString(""F3""));
                ReadingDecoded?.Invoke($""{parts.Length}:{_builder}"", value);
                DateTime at = DateTime.UtcNow.Add(TimeSpan.FromMilliseconds(1500));
                byte[] raw = BitConverter.GetBytes(at.Ticks);
                var span = new SpanByte(raw, 0, 4);
                _byObis[""1.8.0""] = span.Length;
                _queue.Enqueue(Guid.NewGuid());
                foreach (object o in _list) { if (o is string s && s.StartsWith(""1-0:"")) { return Status.Ok; } }
                return count switch { 0 => Status.NeedMoreData, _ => Status.Ok };
            }
        }
        public void Dispose() { _signal.WaitOne(Timeout.Infinite, false); GC.SuppressFinalize(this); }
    }
}";
            AssertAccepted(source, "nanoFramework.System.Text", "nanoFramework.System.Collections", "System.Math");
        }

        [TestMethod]
        public void OrdinaryDriverAndAppCodeCompiles()
        {
            const string source = @"
using System;
using System.Device.Gpio;
using System.Device.Pwm;
using System.IO;
using System.IO.Ports;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Hardware.Esp32.Rmt;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using nanoFramework.Networking;
namespace App
{
    public static class Program
    {
        public static void Main()
        {
            Configuration.SetPinFunction(16, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(17, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(4, DeviceFunction.COM3_RTS);
            var port = new SerialPort(""COM2"", 300, Parity.Even, 7, StopBits.One) { ReadTimeout = 1500, Mode = SerialMode.Normal };
            port.DataReceived += (s, e) => { if (e.EventType == SerialData.WatchChar) { } };
            port.Open();
            port.BaudRate = 9600;
            var buffer = new byte[port.BytesToRead];
            try { port.Read(buffer, 0, buffer.Length); } catch (TimeoutException) { }
            var settings = new TransmitChannelSettings(-1, 25) { CarrierWaveFrequency = 38_000, CarrierWaveDutyPercentage = 33, ClockDivider = 80 };
            using (var tx = new TransmitterChannel(settings)) { tx.AddCommand(new RmtCommand(833, true, 833, false)); tx.Send(true); }
            var gpio = new GpioController();
            GpioPin led = gpio.OpenPin(2, PinMode.Output);
            led.Write(PinValue.High);
            PwmChannel pwm = PwmChannel.CreateFromPin(18, 38000, 0.5);
            if (pwm != null) { pwm.Start(); }
            uint free = nanoFramework.Runtime.Native.GC.Run(true);
            bool up = WifiNetworkHelper.ConnectDhcp(""ssid"", ""pass"", requiresDateTime: true, token: new CancellationTokenSource(60000).Token);
            var mqtt = new MqttClient(""broker"", 8883, true, new X509Certificate(new byte[0]), null, MqttSslProtocols.TLSv1_2);
            mqtt.ProtocolVersion = MqttProtocolVersion.Version_3_1_1;
            mqtt.MqttMsgPublishReceived += (s, e) => { var t = e.Topic + e.QosLevel; };
            MqttReasonCode rc = mqtt.Connect(""id"", ""user"", ""pw"", true, MqttQoSLevel.AtLeastOnce, true, ""status"", ""offline"", true, 60);
            mqtt.Publish(""readings"", new byte[] { 1 }, null, null, MqttQoSLevel.AtLeastOnce, false);
            mqtt.Subscribe(new[] { ""cmd"" }, new[] { MqttQoSLevel.AtLeastOnce });
            if (!File.Exists(""I:\\config.json"")) { File.WriteAllText(""I:\\config.json"", ""{}""); }
            Thread.Sleep(Timeout.Infinite);
        }
    }
}";
            AssertAccepted(source, AllContracts);
        }

        [TestMethod]
        public void TestFrameworkContractHasTheUsedSurface()
        {
            const string source = @"
using System;
using nanoFramework.TestFramework;
namespace NFUnitTest
{
    [TestClass]
    public class DecoderTests
    {
        [Setup] public void Setup() { OutputHelper.WriteLine(""setup""); }
        [TestMethod] [DataRow(1, ""a"")] public void Rows(int n, string s) { Assert.AreEqual(1, n); Assert.AreEqual(""a"", s, ""message""); }
        [TestMethod] public void Throws() { Assert.ThrowsException(typeof(ArgumentException), () => throw new ArgumentException()); }
        [TestMethod] public void Collections() { CollectionAssert.AreEqual(new byte[] { 1 }, new byte[] { 1 }); Assert.IsTrue(true); Assert.SkipTest(""later""); }
        [Cleanup] public void Cleanup() { }
    }
}";
            AssertAccepted(source, "nanoFramework.TestFramework");
            Assert.IsTrue(Errors(Compile("class S { void M() { nanoFramework.TestFramework.Assert.Fail(\"x\"); } }", "nanoFramework.TestFramework")).Length > 0,
                "nanoFramework.TestFramework has no Assert.Fail");
        }

        [TestMethod]
        public void SerialPortEnumsHaveTheRealValues()
        {
            AssertAccepted(@"
using System.IO.Ports;
class S
{
    const int One = (int)StopBits.One; const int Two = (int)StopBits.Two; const int OnePointFive = (int)StopBits.OnePointFive;
    const int Chars = (int)SerialData.Chars; const int Watch = (int)SerialData.WatchChar;
    static readonly bool ok = One == 1 && Two == 2 && OnePointFive == 3 && Chars == 1 && Watch == 2 && (int)Parity.Even == 2;
}", "System.IO.Ports");
            var values = EnumValues("nanoFramework.Hardware.Esp32", "DeviceFunction");
            Assert.AreEqual(0x30100L, values["COM1_TX"]);
            Assert.AreEqual(0x30202L, values["COM2_RTS"]);
            Assert.AreEqual(0x30301L, values["COM3_RX"]);
            Assert.AreEqual(0x40100L, values["PWM1"]);
            Assert.AreEqual(0x41000L, values["PWM16"]);
        }

        private static Dictionary<string, long> EnumValues(string assembly, string enumName)
        {
            var compilation = Compile("class S { }", assembly);
            var type = compilation.GetTypeByMetadataName(assembly + "." + enumName)
                       ?? compilation.GetSymbolsWithName(enumName, SymbolFilter.Type).OfType<INamedTypeSymbol>().First();
            return type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue)
                .ToDictionary(f => f.Name, f => System.Convert.ToInt64(f.ConstantValue));
        }

        [TestMethod]
        public void EveryContractProjectIsNamedAfterItsAssembly()
        {
            Assert.IsTrue(AllContracts.Length >= 17, "contract projects found: " + AllContracts.Length);
            foreach (var name in AllContracts)
            {
                var project = XDocument.Load(Path.Combine(Paths.ContractsDir, name, name + ".csproj"));
                var assemblyName = project.Descendants("AssemblyName").Select(e => e.Value).SingleOrDefault();
                Assert.AreEqual(name, assemblyName, "AssemblyName of " + name);
            }
        }

        [TestMethod]
        public void ContractAssembliesReferenceOnlyOtherContracts()
        {
            foreach (var name in AllContracts)
            {
                using var stream = File.OpenRead(Paths.ContractAssembly(name));
                using var pe = new PEReader(stream);
                var reader = pe.GetMetadataReader();
                Assert.AreEqual(name, reader.GetString(reader.GetAssemblyDefinition().Name));
                foreach (var handle in reader.AssemblyReferences)
                {
                    var referenced = reader.GetString(reader.GetAssemblyReference(handle).Name);
                    CollectionAssert.Contains(AllContracts, referenced, name + " references " + referenced);
                }

                if (name == "mscorlib")
                {
                    Assert.AreEqual(0, reader.AssemblyReferences.Count, "the contract mscorlib stands alone");
                }
            }
        }

        [TestMethod]
        public void ContractsDeclareNoGenerics()
        {
            foreach (var name in AllContracts)
            {
                using var stream = File.OpenRead(Paths.ContractAssembly(name));
                using var pe = new PEReader(stream);
                var reader = pe.GetMetadataReader();
                Assert.AreEqual(0, reader.GetTableRowCount(TableIndex.GenericParam), name + " declares generic parameters");
                Assert.AreEqual(0, reader.GetTableRowCount(TableIndex.MethodSpec), name + " instantiates generic methods");
            }
        }

        [TestMethod]
        public void EveryFirmwareProjectRunsTheAnalyzer()
        {
            var props = XDocument.Load(Path.Combine(Paths.RepoRoot, "tools", "FirmwareBuild", "Directory.Build.props"));
            var analyzer = props.Descendants("ProjectReference")
                .Single(e => ((string)e.Attribute("Include")).EndsWith("FirmwareAnalyzers.csproj"));
            Assert.AreEqual("Analyzer", (string)analyzer.Attribute("OutputItemType"));
            Assert.AreEqual("false", (string)analyzer.Attribute("ReferenceOutputAssembly"));
            var projects = Directory.GetFiles(Path.Combine(Paths.RepoRoot, "tools", "FirmwareBuild"), "*.csproj");
            Assert.AreEqual(4, projects.Length);
        }

        [TestMethod]
        public void CoreCannotSeeHardwareOrNetwork()
        {
            var project = XDocument.Load(Path.Combine(Paths.RepoRoot, "tools", "FirmwareBuild", "Concentrator.Core.Firmware.csproj"));
            var references = project.Descendants("ProjectReference").Select(e => (string)e.Attribute("Include")).ToArray();
            foreach (var forbidden in new[] { "System.IO.Ports", "System.Device", "M2Mqtt", "System.Net", "Hardware", "FileSystem", "Runtime.Native" })
            {
                Assert.IsFalse(references.Any(r => r.Contains(forbidden)), "Core references " + forbidden);
            }
        }
    }
}
