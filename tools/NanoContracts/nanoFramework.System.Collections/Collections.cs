namespace System.Collections
{
    // Checked against nanoframework/System.Collections (Collections/Hashtable.cs, Collections/Queue.cs).
    // Hashtable's members are not virtual and it has no ContainsKey; its IDictionary/ICollection interfaces and the
    // Stack and DictionaryEntry types are left out until something needs them (add them after checking the source).
    public class Hashtable : ICloneable
    {
        public Hashtable() { }
        public Hashtable(int capacity) { }
        public Hashtable(int capacity, int maxLoadFactor) { }
        public int MaxLoadFactor { get { throw null; } set { } }
        public double GrowthFactor { get { throw null; } set { } }
        public object this[object key] { get { throw null; } set { } }
        public ICollection Keys { get { throw null; } }
        public ICollection Values { get { throw null; } }
        public int Count { get { throw null; } }
        public bool IsReadOnly { get { throw null; } }
        public bool IsFixedSize { get { throw null; } }
        public bool IsSynchronized { get { throw null; } }
        public object SyncRoot { get { throw null; } }
        public void Add(object key, object value) { }
        public void Clear() { }
        public object Clone() { throw null; }
        public bool Contains(object key) { throw null; }
        public void CopyTo(Array array, int index) { }
        public IEnumerator GetEnumerator() { throw null; }
        public void Remove(object key) { }
    }

    [Serializable]
    public class Queue : ICollection, ICloneable
    {
        public Queue() { }
        public virtual int Count { get { throw null; } }
        public virtual bool IsSynchronized { get { throw null; } }
        public virtual object SyncRoot { get { throw null; } }
        public virtual object Clone() { throw null; }
        public virtual void Clear() { }
        public virtual bool Contains(object obj) { throw null; }
        public virtual void CopyTo(Array array, int index) { }
        public virtual object Dequeue() { throw null; }
        public virtual void Enqueue(object obj) { }
        public virtual IEnumerator GetEnumerator() { throw null; }
        public virtual object Peek() { throw null; }
        public virtual object[] ToArray() { throw null; }
    }
}
