print("kontakt")
