import sys, os
def load(fn):
    rows=[]
    for line in open(fn):
        line=line.rstrip('\n')
        if not line or line.startswith('#'): continue
        k,p,f=line.split('\t')
        rows.append((k,p,f))
    return rows
def merge(seq):
    out=[]
    for k,p,f in seq:
        if out and out[-1][1]==p: continue
        out.append((k,p,f))
    return out
def stats(rows):
    d=[os.path.dirname(p) for _,p,_ in rows]
    cross=sum(1 for i in range(1,len(d)) if d[i]!=d[i-1])
    seen=set([d[0]]) if d else set(); rt=0
    for i in range(1,len(d)):
        if d[i]!=d[i-1] and d[i] in seen: rt+=1
        seen.add(d[i])
    return dict(steps=len(rows), files=len({p for _,p,_ in rows}), folders=len(set(d)), crossings=cross, roundtrips=rt)
for fn in sys.argv[1:]:
    rows=[]
    for part in fn.split('+'): rows+=load(part)
    B=merge(rows); A=merge([r for r in rows if r[0]!='↩'])
    print(fn, 'B(calls+returns)', stats(B), '| A(calls only)', stats(A))
