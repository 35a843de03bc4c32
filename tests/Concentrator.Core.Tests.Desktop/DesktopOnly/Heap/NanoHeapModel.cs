using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly.Heap
{
    /// <summary>
    /// The size a desktop object graph would have on nanoCLR's managed heap, computed by walking it by reflection and
    /// applying nanoCLR's object layout. Every heap item is a whole number of 12-byte <c>CLR_RT_HeapBlock</c>s:
    /// <list type="bullet">
    /// <item>A class instance, and a struct wherever it is stored, is one header block plus one block per instance
    /// field, inherited ones included, whatever the field's type (nf-interpreter src/CLR/Core/Execution.cpp,
    /// <c>CLR_RT_ExecutionEngine::NewObject</c>: <c>m_totalFields + HB_Object_Fields_Offset</c> blocks).</item>
    /// <item>A field whose type is a struct (not a primitive, enum, DateTime or TimeSpan) is a reference to a separate
    /// heap object holding the struct (Execution.cpp, <c>InitializeReference</c> calls <c>NewObject</c> for value
    /// types that are not enums).</item>
    /// <item>An array is a 20-byte <c>CLR_RT_HeapBlock_Array</c> header plus its elements, rounded up to whole blocks
    /// (Execution.cpp, <c>ExtractHeapBlocksForArray</c>; src/CLR/Include/nanoCLR_Runtime__HeapBlock.h). Element
    /// sizes come from <c>c_CLR_RT_DataTypeLookup</c> (src/CLR/Core/TypeSystemLookup.cpp): bool, sbyte, byte 1;
    /// char, short, ushort 2; int, uint, float 4; long, ulong, double 8; enums their underlying type; DateTime,
    /// TimeSpan, strings, references and structs 12. An array of structs also allocates one heap object per element
    /// (src/CLR/Core/CLR_RT_HeapBlock_Array.cpp, <c>ClearElements</c>: <c>NewObjectFromIndex</c> per element).</item>
    /// <item>A string made at run time is one block plus its UTF-8 text and a terminating zero, rounded up
    /// (src/CLR/Core/CLR_RT_HeapBlock_String.cpp, <c>CreateInstance</c>); a literal is one block pointing into the
    /// assembly. On desktop an interned string is taken for a literal.</item>
    /// <item>A boxed primitive or enum is two blocks (src/CLR/Core/CLR_RT_HeapBlock.cpp, <c>PerformBoxing</c>).</item>
    /// <item>A delegate is a <c>CLR_RT_HeapBlock_Delegate</c> (a list node, the method, the target): taken as 48 bytes
    /// (estimate), plus its target object.</item>
    /// </list>
    /// Objects are counted once, by the first component that reaches them (<see cref="Measure"/> keeps one visited
    /// set). Objects of the test assembly are stand-ins for App and Drivers objects (not constructible on desktop):
    /// they count zero and are estimated by hand in <see cref="FirmwareHeapGraph"/>.
    /// </summary>
    public sealed class NanoHeapModel
    {
        public const int Block = 12;
        public const int ArrayHeader = 20;
        public const int DelegateBytes = 48;

        private readonly HashSet<object> _visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        private readonly Assembly _standIns;
        private readonly Dictionary<Type, FieldInfo[]> _fields = new Dictionary<Type, FieldInfo[]>();

        /// <summary>Heap items counted so far (objects, arrays, strings, boxed values).</summary>
        public int Items { get; private set; }

        public NanoHeapModel(Assembly standIns)
        {
            _standIns = standIns;
        }

        public static int RoundUp(int bytes)
        {
            return (bytes + Block - 1) / Block * Block;
        }

        /// <summary>Bytes of the objects reachable from <paramref name="root"/> not counted before.</summary>
        public int Measure(object root)
        {
            return Walk(root, root == null ? "null" : root.GetType().Name);
        }

        /// <summary>
        /// The static fields of every type of <paramref name="assembly"/> (nanoCLR runs every static constructor at
        /// start): one block per static field in the assembly's table plus what the fields hold.
        /// </summary>
        public int MeasureStatics(Assembly assembly)
        {
            int bytes = 0;
            foreach (Type type in assembly.GetTypes())
            {
                if (type.IsGenericTypeDefinition || type.IsInterface)
                {
                    continue;
                }

                RuntimeHelpers.RunClassConstructor(type.TypeHandle);
                foreach (FieldInfo field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.IsLiteral)
                    {
                        continue; // const: in the metadata, not on the heap
                    }

                    bytes += Block;
                    bytes += FieldContent(field.FieldType, field.GetValue(null), type.Name + "." + field.Name);
                }
            }

            return bytes;
        }

        /// <summary>Bytes a struct of <paramref name="type"/> takes as its own heap object (header, fields, nested structs).</summary>
        public int StructObject(Type type, object value, string path)
        {
            int bytes = Block;
            foreach (FieldInfo field in InstanceFields(type))
            {
                bytes += Block;
                bytes += FieldContent(field.FieldType, value == null ? null : field.GetValue(value), path + "." + field.Name);
            }

            Items++;
            return bytes;
        }

        // What a field (or array element) of the declared type costs beyond its own 12-byte slot.
        private int FieldContent(Type declared, object value, string path)
        {
            if (IsInline(declared))
            {
                return 0;
            }

            if (declared.IsValueType)
            {
                return StructObject(declared, value, path);
            }

            return Walk(value, path);
        }

        // Primitives, enums, DateTime and TimeSpan live in the slot itself.
        private static bool IsInline(Type type)
        {
            return type.IsPrimitive || type.IsEnum || type == typeof(DateTime) || type == typeof(TimeSpan);
        }

        /// <summary>Bytes per type, each object's own bytes (its header, fields, struct fields and array data; not what its references reach).</summary>
        public Dictionary<string, int> ByType { get; } = new Dictionary<string, int>();

        private int _reached;

        /// <summary>The reading sets met on the walk (to tell what they would take full).</summary>
        public List<Concentrator.Core.Readings.ReadingSet> ReadingSets { get; } = new List<Concentrator.Core.Readings.ReadingSet>();

        private int Walk(object value, string path)
        {
            int outer = _reached;
            _reached = 0;
            int bytes = WalkOne(value, path);
            if (bytes > 0)
            {
                string name = value.GetType().Name;
                ByType.TryGetValue(name, out int sum);
                ByType[name] = sum + bytes - _reached;
            }

            _reached = outer + bytes;
            return bytes;
        }

        private int WalkOne(object value, string path)
        {
            if (value == null || !_visited.Add(value))
            {
                return 0;
            }

            Type type = value.GetType();
            if (type.Assembly == _standIns)
            {
                return 0; // a stand-in for an App or Drivers object: estimated by hand
            }

            Items++;
            if (value is Concentrator.Core.Readings.ReadingSet set)
            {
                ReadingSets.Add(set);
            }

            if (value is string text)
            {
                return string.IsInterned(text) != null ? Block : RoundUp(Block + Encoding.UTF8.GetByteCount(text) + 1);
            }

            if (value is Delegate handler)
            {
                return DelegateBytes + Walk(handler.Target, path + ".Target");
            }

            if (type.IsValueType)
            {
                // Boxed: a primitive or enum is two blocks; a struct its own object.
                Items--;
                return IsInline(type) ? 2 * Block : StructObject(type, value, path);
            }

            if (value is Array array)
            {
                return ArrayBytes(array, path);
            }

            if (type.Namespace != null && type.Namespace.StartsWith("System", StringComparison.Ordinal) && type != typeof(object))
            {
                throw new NotSupportedException("the heap model has no nanoCLR layout for " + type.FullName + " (at " + path + ")");
            }

            int bytes = Block;
            foreach (FieldInfo field in InstanceFields(type))
            {
                bytes += Block;
                bytes += FieldContent(field.FieldType, field.GetValue(value), path + "." + field.Name);
            }

            return bytes;
        }

        private int ArrayBytes(Array array, string path)
        {
            Type element = array.GetType().GetElementType();
            int length = array.Length;
            int bytes = RoundUp(ArrayHeader + length * ElementSize(element));
            if (IsInline(element))
            {
                return bytes;
            }

            for (int i = 0; i < length; i++)
            {
                bytes += FieldContent(element, array.GetValue(i), path + "[" + i + "]");
            }

            return bytes;
        }

        /// <summary>Bytes of one element in an array's data (c_CLR_RT_DataTypeLookup's m_sizeInBytes).</summary>
        public static int ElementSize(Type element)
        {
            if (element.IsEnum)
            {
                element = Enum.GetUnderlyingType(element);
            }

            if (element == typeof(bool) || element == typeof(byte) || element == typeof(sbyte))
            {
                return 1;
            }

            if (element == typeof(char) || element == typeof(short) || element == typeof(ushort))
            {
                return 2;
            }

            if (element == typeof(int) || element == typeof(uint) || element == typeof(float))
            {
                return 4;
            }

            if (element == typeof(long) || element == typeof(ulong) || element == typeof(double))
            {
                return 8;
            }

            return Block; // DateTime, TimeSpan, strings, references, structs
        }

        private FieldInfo[] InstanceFields(Type type)
        {
            FieldInfo[] fields;
            if (_fields.TryGetValue(type, out fields))
            {
                return fields;
            }

            List<FieldInfo> all = new List<FieldInfo>();
            for (Type t = type; t != null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
            {
                all.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
            }

            fields = all.ToArray();
            _fields[type] = fields;
            return fields;
        }
    }
}
