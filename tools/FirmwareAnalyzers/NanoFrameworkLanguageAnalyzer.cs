using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Concentrator.FirmwareAnalyzers
{
    /// <summary>
    /// Reports, as errors, the C# constructs that compile but that the nanoFramework 1.17
    /// interpreter cannot run: generics and everything the compiler lowers to generics,
    /// async state machines, iterators, nullable value types, LINQ, stackalloc, records,
    /// dynamic and default interface members.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NanoFrameworkLanguageAnalyzer : DiagnosticAnalyzer
    {
        private const string Category = "nanoFramework";

        public static readonly DiagnosticDescriptor GenericDeclaration = Rule(
            "NF0001", "Generic declaration",
            "generic type parameter list on '{0}': nanoFramework 1.17 cannot run generic types or methods");

        public static readonly DiagnosticDescriptor GenericUsage = Rule(
            "NF0002", "Generic type or method used",
            "generic name '{0}': nanoFramework 1.17 cannot run generic types or methods");

        public static readonly DiagnosticDescriptor AnonymousType = Rule(
            "NF0003", "Anonymous type",
            "anonymous type '{0}': the compiler emits a generic class for it, which nanoFramework 1.17 cannot run");

        public static readonly DiagnosticDescriptor Tuple = Rule(
            "NF0004", "Tuple",
            "tuple '{0}': tuples are System.ValueTuple<...> generics, which nanoFramework 1.17 cannot run");

        public static readonly DiagnosticDescriptor Async = Rule(
            "NF0005", "async/await",
            "'{0}': async/await needs System.Threading.Tasks, which nanoFramework 1.17 does not have");

        public static readonly DiagnosticDescriptor Iterator = Rule(
            "NF0006", "Iterator",
            "'{0}': iterators (yield) compile to generic state machines, which nanoFramework 1.17 cannot run");

        public static readonly DiagnosticDescriptor NullableValueType = Rule(
            "NF0007", "Nullable value type",
            "nullable value type '{0}': Nullable<T> is a generic, which nanoFramework 1.17 cannot run");

        public static readonly DiagnosticDescriptor LinqQuery = Rule(
            "NF0008", "LINQ query",
            "LINQ query '{0}': nanoFramework 1.17 has no LINQ and cannot run the generic code it needs");

        public static readonly DiagnosticDescriptor StackAlloc = Rule(
            "NF0009", "stackalloc",
            "'{0}': stackalloc is not supported by nanoFramework 1.17 (use a preallocated byte[] or SpanByte)");

        public static readonly DiagnosticDescriptor Record = Rule(
            "NF0010", "record",
            "record '{0}': records need generic equality helpers and init accessors that nanoFramework 1.17 does not have");

        public static readonly DiagnosticDescriptor Dynamic = Rule(
            "NF0011", "dynamic",
            "'{0}': dynamic needs the dynamic language runtime, which nanoFramework 1.17 does not have");

        public static readonly DiagnosticDescriptor DefaultInterfaceMember = Rule(
            "NF0012", "Default interface member",
            "interface member '{0}' has a body: nanoFramework 1.17 does not support default interface members");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            GenericDeclaration, GenericUsage, AnonymousType, Tuple, Async, Iterator, NullableValueType,
            LinqQuery, StackAlloc, Record, Dynamic, DefaultInterfaceMember);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();

            context.RegisterSyntaxNodeAction(AnalyzeTypeParameterList, SyntaxKind.TypeParameterList);
            context.RegisterSyntaxNodeAction(AnalyzeGenericName, SyntaxKind.GenericName);
            context.RegisterSyntaxNodeAction(c => Report(c, AnonymousType, c.Node), SyntaxKind.AnonymousObjectCreationExpression);
            context.RegisterSyntaxNodeAction(c => Report(c, Tuple, c.Node), SyntaxKind.TupleType, SyntaxKind.TupleExpression);
            context.RegisterSyntaxNodeAction(AnalyzeAsyncModifier, SyntaxKind.MethodDeclaration, SyntaxKind.LocalFunctionStatement,
                SyntaxKind.ParenthesizedLambdaExpression, SyntaxKind.SimpleLambdaExpression, SyntaxKind.AnonymousMethodExpression);
            context.RegisterSyntaxNodeAction(c => Report(c, Async, c.Node), SyntaxKind.AwaitExpression);
            context.RegisterSyntaxNodeAction(c => Report(c, Iterator, c.Node), SyntaxKind.YieldReturnStatement, SyntaxKind.YieldBreakStatement);
            context.RegisterSyntaxNodeAction(c => Report(c, NullableValueType, c.Node), SyntaxKind.NullableType);
            context.RegisterSyntaxNodeAction(c => Report(c, LinqQuery, c.Node), SyntaxKind.QueryExpression);
            context.RegisterSyntaxNodeAction(c => Report(c, StackAlloc, c.Node), SyntaxKind.StackAllocArrayCreationExpression, SyntaxKind.ImplicitStackAllocArrayCreationExpression);
            context.RegisterSyntaxNodeAction(AnalyzeRecord, SyntaxKind.RecordDeclaration, SyntaxKind.RecordStructDeclaration);
            context.RegisterSyntaxNodeAction(AnalyzeIdentifier, SyntaxKind.IdentifierName);
            context.RegisterSyntaxNodeAction(AnalyzeInterfaceMember, SyntaxKind.MethodDeclaration, SyntaxKind.PropertyDeclaration,
                SyntaxKind.IndexerDeclaration, SyntaxKind.EventDeclaration, SyntaxKind.OperatorDeclaration);
        }

        private static DiagnosticDescriptor Rule(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        private static void Report(SyntaxNodeAnalysisContext context, DiagnosticDescriptor rule, SyntaxNode node, string text = null)
        {
            context.ReportDiagnostic(Diagnostic.Create(rule, node.GetLocation(), text ?? Shorten(node.ToString())));
        }

        private static string Shorten(string text)
        {
            text = text.Replace("\r", " ").Replace("\n", " ");
            return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
        }

        private static void AnalyzeTypeParameterList(SyntaxNodeAnalysisContext context)
        {
            var list = (TypeParameterListSyntax)context.Node;
            string name;
            switch (list.Parent)
            {
                case BaseTypeDeclarationSyntax type: name = type.Identifier.Text; break;
                case DelegateDeclarationSyntax del: name = del.Identifier.Text; break;
                case MethodDeclarationSyntax method: name = method.Identifier.Text; break;
                case LocalFunctionStatementSyntax local: name = local.Identifier.Text; break;
                default: name = list.Parent?.ToString() ?? string.Empty; break;
            }

            Report(context, GenericDeclaration, list.Parent ?? list, name + list.ToString());
        }

        private static void AnalyzeGenericName(SyntaxNodeAnalysisContext context)
        {
            // Inside a declaration's own type parameter list nothing is a GenericName; every GenericName is a use.
            Report(context, GenericUsage, context.Node);
        }

        private static void AnalyzeAsyncModifier(SyntaxNodeAnalysisContext context)
        {
            SyntaxToken asyncKeyword = default;
            switch (context.Node)
            {
                case MethodDeclarationSyntax m: asyncKeyword = Find(m.Modifiers); break;
                case LocalFunctionStatementSyntax l: asyncKeyword = Find(l.Modifiers); break;
                case AnonymousFunctionExpressionSyntax a: asyncKeyword = a.AsyncKeyword; break;
            }

            if (asyncKeyword.IsKind(SyntaxKind.AsyncKeyword))
            {
                context.ReportDiagnostic(Diagnostic.Create(Async, asyncKeyword.GetLocation(), "async"));
            }
        }

        private static SyntaxToken Find(SyntaxTokenList modifiers)
        {
            foreach (var token in modifiers)
            {
                if (token.IsKind(SyntaxKind.AsyncKeyword))
                {
                    return token;
                }
            }

            return default;
        }

        private static void AnalyzeRecord(SyntaxNodeAnalysisContext context)
        {
            var record = (RecordDeclarationSyntax)context.Node;
            context.ReportDiagnostic(Diagnostic.Create(Record, record.Identifier.GetLocation(), record.Identifier.Text));
        }

        private static void AnalyzeIdentifier(SyntaxNodeAnalysisContext context)
        {
            var identifier = (IdentifierNameSyntax)context.Node;
            if (identifier.Identifier.Text != "dynamic" || !SyntaxFacts.IsInTypeOnlyContext(identifier))
            {
                return;
            }

            var type = context.SemanticModel.GetTypeInfo(identifier, context.CancellationToken).Type;
            if (type != null && type.TypeKind == TypeKind.Dynamic)
            {
                Report(context, Dynamic, identifier, "dynamic");
            }
        }

        private static void AnalyzeInterfaceMember(SyntaxNodeAnalysisContext context)
        {
            if (!(context.Node.Parent is InterfaceDeclarationSyntax))
            {
                return;
            }

            bool hasBody;
            string name;
            switch (context.Node)
            {
                case MethodDeclarationSyntax m:
                    hasBody = m.Body != null || m.ExpressionBody != null;
                    name = m.Identifier.Text;
                    break;
                case PropertyDeclarationSyntax p:
                    hasBody = p.ExpressionBody != null || HasAccessorBody(p.AccessorList);
                    name = p.Identifier.Text;
                    break;
                case IndexerDeclarationSyntax i:
                    hasBody = i.ExpressionBody != null || HasAccessorBody(i.AccessorList);
                    name = "this[]";
                    break;
                case EventDeclarationSyntax e:
                    hasBody = HasAccessorBody(e.AccessorList);
                    name = e.Identifier.Text;
                    break;
                case OperatorDeclarationSyntax o:
                    hasBody = o.Body != null || o.ExpressionBody != null;
                    name = "operator " + o.OperatorToken.Text;
                    break;
                default:
                    return;
            }

            if (hasBody)
            {
                Report(context, DefaultInterfaceMember, context.Node, name);
            }
        }

        private static bool HasAccessorBody(AccessorListSyntax accessors)
        {
            if (accessors == null)
            {
                return false;
            }

            foreach (var accessor in accessors.Accessors)
            {
                if (accessor.Body != null || accessor.ExpressionBody != null)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
