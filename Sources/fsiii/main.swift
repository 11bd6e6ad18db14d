import FSIIIEffect
print("fsiii \(FSIIIEffect.version)")
