# Installs the binding: pip install ./bindings/python  (standard library only;
# the shared library libhealthact.so.1 is found at run time).
from setuptools import setup

setup(name="healthact", version="0.1.0", packages=["healthact"],
      description="Python binding of healthact over its C interface (ctypes)")
