import FSIIIEffect
print("fsiii-bench \(FSIIIEffect.version)")
