using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Concentrator.FirmwareAnalyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.BuildChecks.Tests
{
    [TestClass]
    public sealed class AnalyzerTests
    {
        // The analyzer is syntax/semantic based, so snippets are compiled against the desktop framework here:
        // that isolates the analyzer from the contracts (those are tested in ContractTests).
        private static ImmutableArray<Diagnostic> Analyze(string source)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp9));
            var references = ((string)System.AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES"))
                .Split(System.IO.Path.PathSeparator)
                .Select(p => MetadataReference.CreateFromFile(p));
            var compilation = CSharpCompilation.Create("Snippet", new[] { tree }, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
            return compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NanoFrameworkLanguageAnalyzer()))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None).Result;
        }

        private static void AssertFlagged(string id, string source)
        {
            var diagnostics = Analyze(source);
            Assert.IsTrue(diagnostics.Any(d => d.Id == id),
                $"expected {id}, got: {string.Join("; ", diagnostics.Select(d => d.ToString()))}");
            Assert.IsTrue(diagnostics.Where(d => d.Id == id).All(d => d.Severity == DiagnosticSeverity.Error), id + " must be an error");
        }

        [TestMethod]
        public void GenericClassDeclarationIsFlagged() =>
            AssertFlagged("NF0001", "class Box<T> { T _value; }");

        [TestMethod]
        public void GenericMethodDeclarationIsFlagged() =>
            AssertFlagged("NF0001", "class C { static T Id<T>(T x) => x; }");

        [TestMethod]
        public void GenericInterfaceAndDelegateDeclarationsAreFlagged()
        {
            AssertFlagged("NF0001", "interface IBox<T> { }");
            AssertFlagged("NF0001", "delegate void Handler<T>(T value);");
        }

        [TestMethod]
        public void GenericTypeUsageIsFlagged() =>
            AssertFlagged("NF0002", "using System.Collections.Generic; class C { List<int> _list = new List<int>(); }");

        [TestMethod]
        public void GenericDelegateUsageIsFlagged() =>
            AssertFlagged("NF0002", "using System; class C { Action<int> _callback; }");

        [TestMethod]
        public void GenericMethodCallIsFlagged() =>
            AssertFlagged("NF0002", "class C { static int M() => System.Array.Empty<int>().Length; }");

        [TestMethod]
        public void AnonymousTypeIsFlagged() =>
            AssertFlagged("NF0003", "class C { object M() => new { A = 1 }; }");

        [TestMethod]
        public void TupleTypeAndLiteralAreFlagged()
        {
            AssertFlagged("NF0004", "class C { (int, int) M() => default; }");
            AssertFlagged("NF0004", "class C { object M() => (1, 2); }");
        }

        [TestMethod]
        public void AsyncAndAwaitAreFlagged()
        {
            AssertFlagged("NF0005", "using System.Threading.Tasks; class C { async Task M() { await Task.Delay(1); } }");
            var diagnostics = Analyze("using System.Threading.Tasks; class C { async Task M() { await Task.Delay(1); } }");
            Assert.AreEqual(2, diagnostics.Count(d => d.Id == "NF0005"), "both the async modifier and the await are reported");
        }

        [TestMethod]
        public void AsyncLambdaIsFlagged() =>
            AssertFlagged("NF0005", "using System; using System.Threading.Tasks; class C { Func<Task> f = async () => { }; }");

        [TestMethod]
        public void YieldIteratorIsFlagged() =>
            AssertFlagged("NF0006", "using System.Collections; class C { IEnumerable M() { yield return 1; } }");

        [TestMethod]
        public void NullableValueTypeIsFlagged() =>
            AssertFlagged("NF0007", "class C { int? _value; }");

        [TestMethod]
        public void LinqQuerySyntaxIsFlagged() =>
            AssertFlagged("NF0008", "using System.Linq; class C { object M(int[] a) => from x in a select x; }");

        [TestMethod]
        public void StackAllocIsFlagged() =>
            AssertFlagged("NF0009", "class C { unsafe void M() { byte* p = stackalloc byte[4]; } }");

        [TestMethod]
        public void RecordIsFlagged() =>
            AssertFlagged("NF0010", "record Reading(int Value);");

        [TestMethod]
        public void DynamicIsFlagged() =>
            AssertFlagged("NF0011", "class C { dynamic _value; }");

        [TestMethod]
        public void DefaultInterfaceMemberIsFlagged() =>
            AssertFlagged("NF0012", "interface I { int M() => 1; }");

        [TestMethod]
        public void MessageNamesTheConstructAndTheReason()
        {
            var diagnostic = Analyze("class Foo<T> { }").Single(d => d.Id == "NF0001");
            Assert.AreEqual("generic type parameter list on 'Foo<T>': nanoFramework 1.17 cannot run generic types or methods",
                diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        [TestMethod]
        public void OrdinaryFirmwareCodeIsNotFlagged()
        {
            const string source = @"
using System;
using System.Collections;
namespace Firmware
{
    public delegate void FrameHandler(byte[] frame, int length);
    public enum DecodeStatus : byte { Ok, NeedMoreData, BadChecksum }
    public interface IByteLink { int Read(byte[] buffer, int offset, int count); event FrameHandler FrameReceived; }
    public readonly struct ObisCode { public ObisCode(byte a) { A = a; } public byte A { get; } }
    public sealed class Decoder : IDisposable
    {
        private readonly ArrayList _items = new ArrayList();
        private readonly object _sync = new object();
        public event FrameHandler FrameReceived;
        public string Name => $""decoder {_items.Count}"";
        public DecodeStatus Feed(byte[] buffer, int offset, int count)
        {
            lock (_sync)
            {
                foreach (object item in _items) { if (item is ObisCode code && code.A > 3) { return DecodeStatus.Ok; } }
                Func local = () => count > 0;
                int Twice(int x) => x * 2;
                try { return count switch { 0 => DecodeStatus.NeedMoreData, _ => Twice(count) > offset ? DecodeStatus.Ok : DecodeStatus.BadChecksum }; }
                catch (ArgumentException e) when (e.Message != null) { return DecodeStatus.BadChecksum; }
            }
        }
        public void Dispose() { using var other = new Decoder(); FrameReceived?.Invoke(new byte[] { 1, 2 }, 2); }
    }
    public delegate bool Func();
    public static class Extensions { public static int Twice(this int value) => value * 2; }
    public interface INested { delegate void Handler(object sender); }
}";
            var diagnostics = Analyze(source);
            Assert.AreEqual(0, diagnostics.Length, string.Join("; ", diagnostics.Select(d => d.ToString())));
        }

        [TestMethod]
        public void EveryRuleIsAnError()
        {
            var analyzer = new NanoFrameworkLanguageAnalyzer();
            Assert.AreEqual(12, analyzer.SupportedDiagnostics.Length);
            foreach (var rule in analyzer.SupportedDiagnostics)
            {
                Assert.AreEqual(DiagnosticSeverity.Error, rule.DefaultSeverity, rule.Id);
                Assert.IsTrue(rule.IsEnabledByDefault, rule.Id);
            }
        }
    }
}
